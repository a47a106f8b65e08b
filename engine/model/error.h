// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <variant>

namespace shardscope {

// Error kinds mirror the error types DynamoDB answers with (reference §4.3), so that the wire layer
// maps each one to its `__type` without guessing.
enum class ErrorCode {
    Validation,
    Serialization,
    UnknownOperation,
    ResourceNotFound,
    ResourceInUse,
    ConditionalCheckFailed,
    TransactionCanceled,
    TransactionConflict,
    TransactionInProgress,
    IdempotentParameterMismatch,
    ItemCollectionSizeLimitExceeded,
    LimitExceeded,
    TrimmedDataAccess,
    ExpiredIterator,
    InternalServerError,
};

// Extra payload some errors carry (the item of a failed condition, a transaction's cancellation
// reasons); defined in model/errordetail.h so this header stays free of the value types.
struct ErrorDetail;

struct Error {
    ErrorCode code = ErrorCode::InternalServerError;
    std::string message;
    std::shared_ptr<const ErrorDetail> detail;
};

inline Error validationError(std::string message) {
    return Error{ErrorCode::Validation, std::move(message), nullptr};
}
inline Error serializationError(std::string message) {
    return Error{ErrorCode::Serialization, std::move(message), nullptr};
}

// A value or an Error. Small on purpose: the engine's public calls return it instead of throwing.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(m_state); }
    Error&& takeError() { return std::get<1>(std::move(m_state)); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }
    Error&& takeError() { return std::move(m_error); }

private:
    Error m_error;
    bool m_ok = true;
};

}  // namespace shardscope
