#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace claimlens {

/// A failure that names what failed and why, in words a user can act on.
struct Error {
    QString message;
};

/// A value or the Error that prevented it. Core reports failure this way instead of throwing or
/// showing dialogs, so the CLI, the GUI and tests decide how to present it.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}  // NOLINT: implicit by design
    Result(Error error) : m_state(std::move(error)) {}  // NOLINT

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(m_state); }
    const T& value() const { return std::get<T>(m_state); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const QString& error() const { return std::get<Error>(m_state).message; }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation that yields nothing but may fail.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error.message)) {}  // NOLINT
    static Status success() { return {}; }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const QString& error() const { return *m_error; }

private:
    std::optional<QString> m_error;
};

}  // namespace claimlens
