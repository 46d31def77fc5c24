// SPDX-License-Identifier: MIT
#pragma once

namespace trove::ui {

/// How long a status-bar message stays: a confirmation, and a failure that
/// a person has to read to the end (the reason is often a path).
inline constexpr int kStatusMessageMs = 5000;
inline constexpr int kStatusErrorMs = 12000;

} // namespace trove::ui
