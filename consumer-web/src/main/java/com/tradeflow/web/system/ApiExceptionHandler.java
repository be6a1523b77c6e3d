package com.tradeflow.web.system;

import com.tradeflow.api.error.BusinessException;
import com.tradeflow.api.error.ErrorCode;
import com.tradeflow.platform.datasource.LockContention;
import com.tradeflow.platform.failure.DependencyFailures;
import com.tradeflow.web.transaction.GlobalTransactions;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.core.exception.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into {@code {"code","message"}} with the status of its {@link ErrorCode}: bad input 400,
 * refusals 404/409/422, an unreachable provider, coordinator or database 503. Unknown failures are 500 and
 * logged with their stack; nothing internal leaks into the message.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<ApiError> business(BusinessException e) {
        return reply(e.code(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return reply(ErrorCode.VALIDATION_FAILED, message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
        String message = e.getAllErrors().stream()
                .map(error -> error instanceof FieldError f
                        ? f.getField() + " " + f.getDefaultMessage()
                        : error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return reply(ErrorCode.VALIDATION_FAILED, message);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalidParameter(ConstraintViolationException e) {
        return reply(
                ErrorCode.VALIDATION_FAILED,
                e.getConstraintViolations().stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage())
                        .collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return reply(ErrorCode.VALIDATION_FAILED, "request body is not valid JSON of the expected shape");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return reply(ErrorCode.VALIDATION_FAILED, e.getName() + " must be a number");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(415)
                .body(new ApiError(ErrorCode.VALIDATION_FAILED.name(), "send application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405)
                .body(new ApiError(
                        ErrorCode.VALIDATION_FAILED.name(), "method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(NoResourceFoundException e) {
        return reply(ErrorCode.NOT_FOUND, "no such endpoint");
    }

    @ExceptionHandler(RpcException.class)
    ResponseEntity<ApiError> provider(RpcException e) {
        log.warn("provider call failed: {}", e.getMessage());
        return reply(ErrorCode.DEPENDENCY_UNAVAILABLE, "a backing service is unavailable; try again later");
    }

    @ExceptionHandler(GlobalTransactions.CoordinatorUnavailable.class)
    ResponseEntity<ApiError> coordinator(GlobalTransactions.CoordinatorUnavailable e) {
        log.warn("global transaction not committed: {}", e.getMessage());
        return reply(ErrorCode.DEPENDENCY_UNAVAILABLE, "the transaction coordinator did not commit; try again later");
    }

    @ExceptionHandler(TransactionException.class)
    ResponseEntity<ApiError> coordinator(TransactionException e) {
        log.warn("transaction coordinator failed: {}", e.getMessage());
        return reply(ErrorCode.DEPENDENCY_UNAVAILABLE, "the transaction coordinator is unavailable; try again later");
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class
    })
    ResponseEntity<ApiError> database(RuntimeException e) {
        if (LockContention.isLockFailure(e)) {
            // Spring's translation of a row lock not granted in time is "transient" too: not an outage
            return lockNotGranted(e);
        }
        log.warn("database unavailable: {}", e.getMessage());
        return reply(ErrorCode.DEPENDENCY_UNAVAILABLE, "a database is unavailable; try again later");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        // a row lock not granted in time (a prepared XA branch of a killed instance holds its locks until the
        // coordinator finishes it) or a deadlock: the request wrote nothing and may be retried, as providers answer
        if (LockContention.isLockFailure(e)) {
            return lockNotGranted(e);
        }
        if (isUnavailable(e)) {
            log.warn("dependency unavailable: {}", e.toString());
            return reply(ErrorCode.DEPENDENCY_UNAVAILABLE, "a backing service is unavailable; try again later");
        }
        log.error("request failed", e);
        return reply(ErrorCode.INTERNAL_ERROR, "internal error");
    }

    private static ResponseEntity<ApiError> lockNotGranted(Exception e) {
        log.warn("row lock not granted: {}", e.toString());
        return reply(ErrorCode.CONCURRENT_UPDATE, "what this request changes is locked by another one; try again");
    }

    /**
     * Seata and Dubbo wrap the cause of an outage in their own exceptions; look down the chain (databases and the
     * coordinator as providers classify them, {@link DependencyFailures}).
     */
    private static boolean isUnavailable(Throwable e) {
        if (DependencyFailures.isDatabaseFailure(e) || DependencyFailures.isCoordinatorFailure(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RpcException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ApiError> reply(ErrorCode code, String message) {
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(code.httpStatus());
        if (code == ErrorCode.RATE_LIMITED) {
            reply.header(HttpHeaders.RETRY_AFTER, SentinelWebConfiguration.RETRY_AFTER_SECONDS);
        }
        return reply.body(new ApiError(code.name(), message));
    }
}
