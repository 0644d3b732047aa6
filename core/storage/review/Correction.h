#pragma once

#include "extract/Extraction.h"
#include "structure/Article.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace claimlens {

/// What a correction is about: an item extraction reads off a sentence, or a field of the
/// document's metadata.
enum class CorrectionItem { Statistic, Claim, Mention, Event, Title, Author, Outlet, Published };
QString correctionItemName(CorrectionItem item);  ///< "statistic", "claim", ... "published"
std::optional<CorrectionItem> correctionItemFromName(const QString& name);
bool isMetadataItem(CorrectionItem item);

/// The analyst's decision: the reading is right, wrong, right after an edit, or missing.
enum class CorrectionAction { Confirm, Reject, Edit, Add };
QString correctionActionName(CorrectionAction action);
std::optional<CorrectionAction> correctionActionFromName(const QString& name);

/// An analyst's decision about one reading, kept apart from the readings themselves: keyed to the
/// document's content hash (the same text whatever its path) and to the sentence's text and the
/// item's span in the document's clean text, so it outlives re-extraction, a new knowledge and
/// re-ingest of an unchanged file. When the sentence is no longer there (the text changed, or the
/// sentence splitter cut it differently) the correction is orphaned: listed, never applied elsewhere.
struct Correction {
    std::int64_t id = 0;  ///< 0 before it is stored
    QString contentHash;
    CorrectionItem item = CorrectionItem::Statistic;
    CorrectionAction action = CorrectionAction::Confirm;
    QString sentence;  ///< the sentence's text; empty for the document's metadata
    qsizetype start = 0;  ///< the item's span in the clean text (a claim's is its sentence's); 0 for metadata
    qsizetype end = 0;
    /// The item as the analyst settled it (for Confirm, the reading confirmed): see the
    /// *ToJson functions for each item's fields. Empty for Reject.
    QJsonObject value;
    QJsonObject machine;  ///< the reading as the machine gave it when the analyst decided; empty for Add
    QString created;      ///< ISO date and time (UTC)
};

// Each item as the JSON a correction holds (and the CLI's review export writes).
QJsonObject statisticToJson(const Statistic& s);
Statistic statisticFromJson(const QJsonObject& o);
QJsonObject claimToJson(const Claim& c);
Claim claimFromJson(const QJsonObject& o);
QJsonObject mentionToJson(const Mention& m);
Mention mentionFromJson(const QJsonObject& o);
QJsonObject eventToJson(const Event& e);
Event eventFromJson(const QJsonObject& o);

QJsonObject correctionToJson(const Correction& c);
/// nullopt, with `error` set, when a field is missing or unknown.
std::optional<Correction> correctionFromJson(const QJsonObject& o, QString* error);
/// A corrections file, as `claimlens-cli review export` writes it and the window's Export saves.
QByteArray correctionsFile(const std::vector<Correction>& corrections);
/// The corrections of a file `correctionsFile` wrote; every one checked before any is returned.
Result<std::vector<Correction>> readCorrectionsFile(const QByteArray& bytes);

/// What a correction says, in a line: "statistic edited: 41 % → 43 %".
QString describeCorrection(const Correction& c);

/// The document's fields a metadata correction changes, beside the article.
struct MetadataOverrides {
    std::optional<QString> outlet;  ///< the documents.source the correction sets
};

/// Why a correction was not applied to a reading.
enum class CorrectionState { Applied, Orphaned };

/// Applies `corrections` (all of one document's) to its article and extraction: a rejected item
/// leaves the extraction, an edited, confirmed or added one replaces or joins it with its review
/// state, metadata corrections set the article's title, author and date. Returns each
/// correction's state in order: orphaned when its sentence is no longer in the article.
std::vector<CorrectionState> applyCorrections(const std::vector<Correction>& corrections, Article& article,
                                              Extraction& extraction, MetadataOverrides* overrides = nullptr);

/// The sentence of `article` holding [start, end) whose text is `text`; -1 when none does.
int findCorrectedSentence(const Article& article, const QString& text, qsizetype start, qsizetype end);

}  // namespace claimlens
