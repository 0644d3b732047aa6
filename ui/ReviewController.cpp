#include "ReviewController.h"

#include "ReviewDialog.h"

#include "knowledge/Knowledge.h"

#include <QUndoCommand>
#include <QUndoStack>

namespace claimlens::ui {
namespace {

/// One decision as an undoable step: redo makes `next` the decision about the reading, undo puts
/// back the one it replaced.
class DecisionCommand : public QUndoCommand {
public:
    DecisionCommand(ReviewController* controller, ReadingKey key, std::optional<Correction> next, const QString& text)
        : QUndoCommand(text), m_controller(controller), m_key(std::move(key)), m_next(std::move(next))
    {
    }
    void redo() override
    {
        if (!m_controller->apply(m_key, m_next, &m_previous))
            setObsolete(true);  // nothing changed: the stack drops the step
    }
    void undo() override
    {
        std::optional<Correction> ignored;
        if (!m_controller->apply(m_key, m_previous, &ignored))
            setObsolete(true);
    }

private:
    ReviewController* m_controller;
    ReadingKey m_key;
    std::optional<Correction> m_next;
    std::optional<Correction> m_previous;
};

QString stepText(const std::optional<Correction>& c, const ReadingKey& key)
{
    if (!c)
        return QObject::tr("Take back the decision about a %1").arg(correctionItemName(key.item));
    return describeCorrection(*c).section(QStringLiteral(": "), 0, 0);
}

}  // namespace

ReviewController::ReviewController(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {}

void ReviewController::setDatabasePath(const QString& path)
{
    if (path != m_path)
        m_undo->clear();  // steps of another database undo nothing here
    m_path = path;
}

bool ReviewController::request(const Correction& correction, bool edit, QWidget* dialogParent)
{
    Correction c = correction;
    if (edit) {
        ReviewDialog dialog(correction, dialogParent);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        c = dialog.correction();
    }
    return push(ReadingKey::of(c), c, stepText(c, ReadingKey::of(c)));
}

bool ReviewController::clear(const Correction& reading)
{
    const ReadingKey key = ReadingKey::of(reading);
    return push(key, std::nullopt, stepText(std::nullopt, key));
}

bool ReviewController::push(const ReadingKey& key, std::optional<Correction> next, const QString& text)
{
    // QUndoStack::push runs the step, and drops it when it made itself obsolete (it failed)
    m_lastApplied = false;
    m_undo->push(new DecisionCommand(this, key, std::move(next), text));
    return m_lastApplied;
}

bool ReviewController::apply(const ReadingKey& key, const std::optional<Correction>& next,
                             std::optional<Correction>* previous)
{
    auto db = Database::open(m_path);
    if (!db) {
        Q_EMIT failed(tr("Cannot record the decision: %1").arg(db.error()));
        return false;
    }
    if (db->isReadOnly()) {
        Q_EMIT failed(tr("Cannot record the decision: %1 %2").arg(m_path, Database::readOnlyMessage()));
        return false;
    }
    Reviewer reviewer(*db, m_knowledge ? m_knowledge : Knowledge::defaults());  // the analyst's edits as they are now
    auto before = next ? reviewer.record(*next) : reviewer.clear(key);
    if (!before) {
        Q_EMIT failed(tr("Cannot record the decision: %1").arg(before.error()));
        return false;
    }
    *previous = std::move(*before);
    m_lastApplied = true;
    Q_EMIT changed(key.contentHash);
    return true;
}

}  // namespace claimlens::ui
