#pragma once

#include "review/Reviewer.h"

#include <QObject>
#include <QPointer>

class QUndoStack;
class QWidget;

namespace claimlens::ui {

/// The window's side of the review: records the analyst's decisions through core's Reviewer on
/// the window's database, each one an undoable step of its QUndoStack (Edit → Undo/Redo), and
/// says which document changed so the views read it again.
class ReviewController : public QObject {
    Q_OBJECT
public:
    explicit ReviewController(QObject* parent = nullptr);

    void setDatabasePath(const QString& path);
    QUndoStack* undoStack() const { return m_undo; }
    /// The knowledge documents are read again with after a decision (the ingest's).
    void setKnowledge(std::shared_ptr<const Knowledge> knowledge) { m_knowledge = std::move(knowledge); }

    /// Records `correction`; with `edit`, after the analyst settled it in a ReviewDialog over
    /// `dialogParent` (Cancel records nothing). Returns whether it was recorded.
    bool request(const Correction& correction, bool edit, QWidget* dialogParent);
    /// Takes back the decision about `reading` (the machine's reading is back).
    bool clear(const Correction& reading);

    /// Runs one change on the database: `next`, or none, becomes the decision about `key`.
    /// Returns the decision it replaced through `previous`; false after saying why (failed()).
    bool apply(const ReadingKey& key, const std::optional<Correction>& next, std::optional<Correction>* previous);

Q_SIGNALS:
    /// A decision about a reading of the document with this content hash was recorded or undone.
    void changed(const QString& contentHash);
    void failed(const QString& message);

private:
    bool push(const ReadingKey& key, std::optional<Correction> next, const QString& text);

    QString m_path;
    QUndoStack* m_undo;
    std::shared_ptr<const Knowledge> m_knowledge;
    bool m_lastApplied = false;
};

}  // namespace claimlens::ui
