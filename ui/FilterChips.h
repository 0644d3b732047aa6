#pragma once

#include "query/DocumentFilter.h"

#include <QWidget>

class QHBoxLayout;
class QPushButton;

namespace claimlens::ui {

/// The active filter as removable chips above the views ("Company: Baidu ×"), with
/// "Clear filters". Hidden while nothing filters.
class FilterChips : public QWidget {
    Q_OBJECT
public:
    explicit FilterChips(QWidget* parent = nullptr);

    void showFilter(const DocumentFilter& filter);
    /// The chips' texts, in order (for tests and the status bar).
    QStringList labels() const;
    /// The filter in words: "Baidu, China · from 2024-01-01"; empty when nothing filters.
    static QString describe(const DocumentFilter& filter);

Q_SIGNALS:
    /// A chip was closed: the filter without that value.
    void filterEdited(const claimlens::DocumentFilter& filter);
    void clearRequested();

private:
    QHBoxLayout* m_layout;
    QPushButton* m_clear;
    QList<QWidget*> m_chips;
    DocumentFilter m_filter;
};

}  // namespace claimlens::ui
