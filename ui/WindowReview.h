#pragma once

#include "review/Correction.h"

#include <QObject>

namespace claimlens::ui {

class MainWindow;
class ReviewController;

/// The review where the analyst sees the readings: the reader's menu on a mark or a selection,
/// the Claims table's and the Facts table's menus and keys (Space confirms, Delete rejects, F2
/// corrects), the document list's metadata corrections, and Edit → Undo/Redo. Every decision goes
/// through one ReviewController; when one is recorded or undone the window reads its data again.
class WindowReview : public QObject {
    Q_OBJECT
public:
    explicit WindowReview(MainWindow* window);
    ReviewController* controller() const { return m_controller; }

    /// Decides about the reading of `item` at [start, end) in a document, as the reader shows it:
    /// `action` a CorrectionAction, or -1 to take the decision back; `edit` opens the editor.
    /// False when the document has no such reading or nothing was recorded.
    bool decide(qint64 documentId, CorrectionItem item, qsizetype start, qsizetype end, int action, bool edit);
    /// Corrects a field of a document's metadata (title, author, outlet or published) in the editor.
    bool correctMetadata(qint64 documentId, CorrectionItem field);

private:
    void installClaimsTable();
    void installDocumentList();

    MainWindow* m_window;
    ReviewController* m_controller;
};

}  // namespace claimlens::ui
