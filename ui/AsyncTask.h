#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

/// The one way the GUI runs work off its thread and drops the answers nobody waits for any more
/// (as KeePassXC has one AsyncTask): a Line of requests of which only the newest counts, the
/// Request a worker carries and asks, deliver() to hand an answer back to the GUI thread only while
/// its request is still the newest, and Threads to run a piece of work on a thread of its own and
/// wait for it when its owner goes. Qt Core only. The chart worker (ChartLoader), the window's
/// filter counts and imports (ImportController) all run their work through it.
namespace claimlens::ui::async {

/// One request of a Line, as the thread doing the work sees it.
class Request {
public:
    Request() = default;
    Request(std::shared_ptr<const std::atomic<quint64>> latest, quint64 generation)
        : m_latest(std::move(latest)), m_generation(generation)
    {
    }
    /// False once a newer request of its line was made, or the line was cancelled.
    bool isCurrent() const { return m_latest && m_latest->load() == m_generation; }
    quint64 generation() const { return m_generation; }

private:
    std::shared_ptr<const std::atomic<quint64>> m_latest;
    quint64 m_generation = 0;
};

/// A line of requests of which only the newest counts: a request made after another makes the
/// earlier one stale (skipped when it has not started, its answer dropped when it has).
class Line {
public:
    Request next() { return {m_latest, ++*m_latest}; }
    /// Makes every request made so far stale.
    void cancel() { ++*m_latest; }

private:
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
};

/// Queues `answer` to `via`'s thread (`via` must live until it runs there). Nothing runs when
/// `receiver` has gone meanwhile; `stale` runs instead when `request` is no longer its line's
/// newest. Callable from any thread.
template <typename F>
void deliver(QObject* via, QPointer<QObject> receiver, Request request, F&& answer, std::function<void()> stale = {})
{
    QMetaObject::invokeMethod(
        via,
        [receiver = std::move(receiver), request = std::move(request), answer = std::forward<F>(answer),
         stale = std::move(stale)]() mutable {
            if (!receiver)
                return;
            if (!request.isCurrent()) {
                if (stale)
                    stale();
                return;
            }
            answer();
        },
        Qt::QueuedConnection);
}

/// Threads started for one piece of work each by an owner on the GUI thread: each is deleted once
/// it has finished, and the owner waits for those still running before it goes (waitAll() in its
/// destructor, since their work may post to it).
class Threads {
public:
    explicit Threads(QObject* owner) : m_owner(owner) {}
    ~Threads()
    {
        waitAll();
        for (QThread* t : m_running)
            delete t;  // finished; their deferred deletion went with the owner's event queue
    }
    Threads(const Threads&) = delete;
    Threads& operator=(const Threads&) = delete;

    /// Runs `work` on a new thread named `name`.
    template <typename F>
    QThread* start(const QString& name, F&& work)
    {
        QThread* thread = QThread::create(std::forward<F>(work));
        thread->setObjectName(name);
        m_running.push_back(thread);
        QObject::connect(thread, &QThread::finished, m_owner, [this, thread] {
            m_running.erase(std::remove(m_running.begin(), m_running.end(), thread), m_running.end());
            thread->deleteLater();
        });
        thread->start();
        return thread;
    }
    /// Blocks until every thread started here has finished.
    void waitAll()
    {
        for (QThread* t : m_running)
            t->wait();
    }

private:
    QObject* m_owner;
    std::vector<QThread*> m_running;
};

}  // namespace claimlens::ui::async
