// SPDX-License-Identifier: MIT
#pragma once

// QVERIFY_OK(result): passes when a trove::Result holds a value, and prints
// its error otherwise; evaluates its argument once. (QVERIFY2 evaluates its message even on
// success, and Result::error() is only valid on failure.)

#include <QString>
#include <QTest>

namespace trove::test {

template<typename R> QString errorOf(const R &r)
{
    return r.ok() ? QString() : r.error();
}

} // namespace trove::test

#define QVERIFY_OK(r)                                                                              \
    do {                                                                                           \
        const auto &qverifyOkResult_ = (r);                                                        \
        QVERIFY2(qverifyOkResult_.ok(), qPrintable(trove::test::errorOf(qverifyOkResult_)));       \
    } while (false)
