#pragma once

#include "query/SentenceSearchQuery.h"

#include "models/PagedTableModel.h"

namespace claimlens::ui {

/// The sentences matching the filter's search, a page at a time as the view scrolls: one column,
/// the sentence as HTML (matched words bold) under DisplayRole, its parts under their roles.
class SearchResultsModel : public PagedTableModel<SentenceHit, SentenceHitPage> {
    Q_OBJECT
public:
    enum Role {
        DocumentIdRole = Qt::UserRole + 1,  ///< qint64
        OrdinalRole,                        ///< int: the sentence in its document
        TitleRole,                          ///< the document's title
        DateRole,                           ///< its publication date as ISO text, empty when none
        SentenceRole,                       ///< the plain sentence
        MarkedHtmlRole,                     ///< the sentence as HTML, matched words in <b>
        MatchedWordsRole,                   ///< QStringList: the words marked
    };

    explicit SearchResultsModel(QObject* parent = nullptr);

    /// The database to read; nullptr empties the list.
    void setDatabase(Database* db);
    /// Reads the filter's search again from its first page (nothing when it has no search).
    void setFilter(const DocumentFilter& filter);
    const DocumentFilter& filter() const { return m_filter; }

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    static constexpr int kPageSize = 100;

protected:
    bool hasSource() const override { return m_db != nullptr && !m_filter.search.trimmed().isEmpty(); }
    Result<SentenceHitPage> fetch(const ListCursor& after, int limit) override;

private:
    Database* m_db = nullptr;
    DocumentFilter m_filter;
};

}  // namespace claimlens::ui
