#include "store/FilterFunctions.h"

#include "store/SentenceId.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace claimlens {
namespace {

/// Sets `context`'s error from SQLite's `rc` and returns true when `rc` is one.
bool failed(sqlite3_context* context, int rc)
{
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return false;
    sqlite3_result_error(context, sqlite3_errmsg(sqlite3_context_db_handle(context)), -1);
    sqlite3_result_error_code(context, rc);
    return true;
}

/// A prepared statement finalized with its owner.
struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    Prepared() = default;
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    ~Prepared() { sqlite3_finalize(stmt); }
    bool prepare(sqlite3_context* context, const char* sql)
    {
        return stmt || !failed(context, sqlite3_prepare_v2(sqlite3_context_db_handle(context), sql, -1, &stmt, nullptr));
    }
};

/// The documents of one filter field, asked about one at a time: probed, then read whole.
class DocumentSet {
public:
    explicit DocumentSet(int probes = kFilterProbes) : m_probes(probes) {}
    virtual ~DocumentSet() = default;

    /// Whether `document` is in the set; nullopt with the error set on `context`.
    std::optional<bool> contains(sqlite3_context* context, std::int64_t document)
    {
        if (document == m_last)  // a walk over sentences asks about each document's in a row
            return m_lastAnswer;
        std::optional<bool> answer;
        if (!m_all && m_probed < m_probes) {
            ++m_probed;
            answer = probe(context, document);
        } else {
            if (!m_all) {
                std::vector<std::int64_t> all;
                if (!readAll(context, all))
                    return std::nullopt;
                std::sort(all.begin(), all.end());
                all.erase(std::unique(all.begin(), all.end()), all.end());
                m_all = std::move(all);
            }
            answer = std::binary_search(m_all->begin(), m_all->end(), document);
        }
        if (answer) {
            m_last = document;
            m_lastAnswer = *answer;
        }
        return answer;
    }

protected:
    virtual std::optional<bool> probe(sqlite3_context* context, std::int64_t document) = 0;
    /// Appends the set's documents to `out` in any order; false with the error set.
    virtual bool readAll(sqlite3_context* context, std::vector<std::int64_t>& out) = 0;

    /// Steps `stmt` once: whether it gave a row, or nullopt with the error set.
    static std::optional<bool> stepOne(sqlite3_context* context, sqlite3_stmt* stmt)
    {
        const int rc = sqlite3_step(stmt);
        if (failed(context, rc))
            return std::nullopt;
        return rc == SQLITE_ROW;
    }
    /// Steps `stmt` to its end, calling `row` for each row; false with the error set.
    template <typename Row>
    static bool forEach(sqlite3_context* context, sqlite3_stmt* stmt, Row row)
    {
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
            row(stmt);
        return !failed(context, rc);
    }

private:
    int m_probes;
    int m_probed = 0;
    std::optional<std::vector<std::int64_t>> m_all;  // ascending, distinct, once read
    std::int64_t m_last = -1;
    bool m_lastAnswer = false;
};

/// The documents with a sentence matching a full-text query.
class SearchSet : public DocumentSet {
public:
    SearchSet(sqlite3_value* fts, int probes) : DocumentSet(probes), m_fts(sqlite3_value_dup(fts)) {}
    ~SearchSet() override { sqlite3_value_free(m_fts); }

protected:
    std::optional<bool> probe(sqlite3_context* context, std::int64_t document) override
    {
        if (!m_probe.prepare(context, "SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3"))
            return std::nullopt;
        sqlite3_reset(m_probe.stmt);
        sqlite3_bind_value(m_probe.stmt, 1, m_fts);
        sqlite3_bind_int64(m_probe.stmt, 2, sentenceId(document, 0));
        sqlite3_bind_int64(m_probe.stmt, 3, sentenceId(document, kMaxSentencesPerDocument - 1));
        return stepOne(context, m_probe.stmt);
    }
    bool readAll(sqlite3_context* context, std::vector<std::int64_t>& out) override
    {
        Prepared all;
        if (!all.prepare(context, "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1"))
            return false;
        sqlite3_bind_value(all.stmt, 1, m_fts);
        return forEach(context, all.stmt, [&](sqlite3_stmt* row) {
            // the rowids come in ascending order, and so do the documents they hold
            const std::int64_t document = documentOfSentence(sqlite3_column_int64(row, 0));
            if (out.empty() || out.back() != document)
                out.push_back(document);
        });
    }

private:
    sqlite3_value* m_fts;
    Prepared m_probe;
};

/// The documents naming one of some entities of a kind (document_entities: products count for
/// their owner).
class EntitySet : public DocumentSet {
public:
    EntitySet(sqlite3_value* kind, sqlite3_value* names, int probes)
        : DocumentSet(probes), m_kind(reinterpret_cast<const char*>(sqlite3_value_text(kind)))
    {
        const auto* text = static_cast<const char16_t*>(sqlite3_value_text16(names));
        const int bytes = sqlite3_value_bytes16(names);
        std::u16string joined(text ? text : u"", static_cast<size_t>(bytes / 2));
        size_t from = 0;
        for (;;) {
            const size_t at = joined.find(kEntityNameSeparator, from);
            m_names.push_back(joined.substr(from, at == std::u16string::npos ? std::u16string::npos : at - from));
            if (at == std::u16string::npos)
                break;
            from = at + 1;
        }
    }

protected:
    std::optional<bool> probe(sqlite3_context* context, std::int64_t document) override
    {
        if (!resolve(context))
            return std::nullopt;
        if (!m_probe.prepare(context, "SELECT entity_id FROM document_entities WHERE document_id = ?1"))
            return std::nullopt;
        sqlite3_reset(m_probe.stmt);
        sqlite3_bind_int64(m_probe.stmt, 1, document);
        bool found = false;
        if (!forEach(context, m_probe.stmt, [&](sqlite3_stmt* row) {
                found = found || std::binary_search(m_ids.begin(), m_ids.end(), sqlite3_column_int64(row, 0));
            }))
            return std::nullopt;
        return found;
    }
    bool readAll(sqlite3_context* context, std::vector<std::int64_t>& out) override
    {
        if (!resolve(context))
            return false;
        Prepared all;
        if (!all.prepare(context, "SELECT document_id FROM document_entities WHERE entity_id = ?1"))
            return false;
        for (std::int64_t id : m_ids) {
            sqlite3_reset(all.stmt);
            sqlite3_bind_int64(all.stmt, 1, id);
            if (!forEach(context, all.stmt, [&](sqlite3_stmt* row) { out.push_back(sqlite3_column_int64(row, 0)); }))
                return false;
        }
        return true;
    }

private:
    /// The entities' ids, once (a name that is not an entity of the kind has none).
    bool resolve(sqlite3_context* context)
    {
        if (m_resolved)
            return true;
        Prepared lookup;
        if (!lookup.prepare(context, "SELECT id FROM entities WHERE kind = ?1 AND name = ?2"))
            return false;
        for (const std::u16string& name : m_names) {
            sqlite3_reset(lookup.stmt);
            sqlite3_bind_text(lookup.stmt, 1, m_kind.c_str(), -1, SQLITE_STATIC);
            sqlite3_bind_text16(lookup.stmt, 2, name.data(), static_cast<int>(name.size() * 2), SQLITE_STATIC);
            if (!forEach(context, lookup.stmt, [&](sqlite3_stmt* row) { m_ids.push_back(sqlite3_column_int64(row, 0)); }))
                return false;
        }
        std::sort(m_ids.begin(), m_ids.end());
        m_resolved = true;
        return true;
    }

    std::string m_kind;
    std::vector<std::u16string> m_names;
    std::vector<std::int64_t> m_ids;  // ascending
    bool m_resolved = false;
    Prepared m_probe;
};

/// The set kept beside the statement for its constant arguments, made by `make` on the first
/// call; answers `document`'s membership as the function's result.
template <typename Make>
void answer(sqlite3_context* context, std::int64_t document, Make make)
{
    auto* set = static_cast<DocumentSet*>(sqlite3_get_auxdata(context, 0));
    if (!set) {
        // SQLite owns it from here, and drops it at once when an argument is not a constant
        sqlite3_set_auxdata(context, 0, make(), [](void* p) { delete static_cast<DocumentSet*>(p); });
        set = static_cast<DocumentSet*>(sqlite3_get_auxdata(context, 0));
    }
    std::optional<bool> found;
    if (set) {
        found = set->contains(context, document);
    } else {  // not kept: this row answered on its own
        DocumentSet* once = make();
        found = once->contains(context, document);
        delete once;
    }
    if (found)
        sqlite3_result_int(context, *found ? 1 : 0);
}

bool anyNull(int count, sqlite3_value** args)
{
    for (int i = 0; i < count; ++i)
        if (sqlite3_value_type(args[i]) == SQLITE_NULL)
            return true;
    return false;
}

void searchDocument(sqlite3_context* context, int count, sqlite3_value** args)
{
    if (anyNull(count, args))
        return sqlite3_result_int(context, 0);
    const int probes = count > 2 ? sqlite3_value_int(args[2]) : kFilterProbes;
    answer(context, sqlite3_value_int64(args[1]), [&] { return new SearchSet(args[0], probes); });
}

void entityDocument(sqlite3_context* context, int count, sqlite3_value** args)
{
    if (anyNull(count, args))
        return sqlite3_result_int(context, 0);
    const int probes = count > 3 ? sqlite3_value_int(args[3]) : kFilterProbes;
    answer(context, sqlite3_value_int64(args[2]), [&] { return new EntitySet(args[0], args[1], probes); });
}

}  // namespace

int registerFilterFunctions(sqlite3* db)
{
    const int flags = SQLITE_UTF8 | SQLITE_DIRECTONLY;
    for (int arguments : {2, 3})
        if (const int rc = sqlite3_create_function_v2(db, "claimlens_search_document", arguments, flags, nullptr,
                                                      searchDocument, nullptr, nullptr, nullptr);
            rc != SQLITE_OK)
            return rc;
    for (int arguments : {3, 4})
        if (const int rc = sqlite3_create_function_v2(db, "claimlens_entity_document", arguments, flags, nullptr,
                                                      entityDocument, nullptr, nullptr, nullptr);
            rc != SQLITE_OK)
            return rc;
    return SQLITE_OK;
}

}  // namespace claimlens
