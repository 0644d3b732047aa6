#pragma once

#include "query/KeysetPage.h"
#include "util/Result.h"

#include <QAbstractTableModel>
#include <QScopedValueRollback>

#include <vector>

namespace claimlens::ui {

/// A table read from core/storage/query a page at a time as the view scrolls (canFetchMore/fetchMore),
/// each page continuing after the last row. Subclasses say how a page is read; `Page` has `rows`,
/// `next` and `atEnd`, as DocumentPage and ClaimPage do.
template <typename Row, typename Page>
class PagedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    /// Reads the table again from its first page.
    void reload() { readPage(true); }
    /// Rows read at a time.
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    /// The last error reading from the database, empty when the last read worked.
    const QString& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    bool canFetchMore(const QModelIndex& parent) const override { return !parent.isValid() && !m_atEnd && !m_reading; }
    void fetchMore(const QModelIndex& parent) override
    {
        // Views and testers ask again from inside our own reset and insert signals: one read at a time.
        if (!parent.isValid() && !m_reading)
            readPage(false);
    }

protected:
    /// Whether there is anything to read (a database is set).
    virtual bool hasSource() const = 0;
    /// The page of up to `limit` rows after `after`.
    virtual Result<Page> fetch(const ListCursor& after, int limit) = 0;
    /// After a read that failed.
    virtual void readFailed(const QString& error) { (void)error; }

    const Row& rowAt(int row) const { return m_rows[static_cast<size_t>(row)]; }
    const std::vector<Row>& rows() const { return m_rows; }

    void readPage(bool reset)
    {
        const QScopedValueRollback reading(m_reading, true);
        if (reset) {
            beginResetModel();
            m_rows.clear();
            m_cursor = {};
            m_atEnd = !hasSource();
        }
        if (!m_atEnd) {
            auto page = fetch(m_cursor, m_pageSize);
            if (!page) {
                m_error = page.error();
                m_atEnd = true;
            } else {
                m_error.clear();
                m_cursor = page->next;
                m_atEnd = page->atEnd;
                if (!page->rows.empty()) {
                    const int first = static_cast<int>(m_rows.size());
                    if (!reset)
                        beginInsertRows({}, first, first + static_cast<int>(page->rows.size()) - 1);
                    std::move(page->rows.begin(), page->rows.end(), std::back_inserter(m_rows));
                    if (!reset)
                        endInsertRows();
                }
            }
        }
        if (reset)
            endResetModel();
        if (!m_error.isEmpty())
            readFailed(m_error);
    }

private:
    std::vector<Row> m_rows;
    ListCursor m_cursor;
    bool m_atEnd = true;
    bool m_reading = false;  ///< inside readPage()
    int m_pageSize = 200;
    QString m_error;
};

}  // namespace claimlens::ui
