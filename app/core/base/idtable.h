// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <deque>
#include <memory>
#include <utility>

namespace trove {

/// Values keyed by ids that are handed out in increasing order (an ingest's
/// items), held in a deque of slots indexed by id - first().
///
/// What it is for: every step costs the same at any size. A QHash keeps
/// its values in per-span arrays that regrow together (a copy and fresh
/// pages each) within the same few hundred inserts, and a std::unordered_map
/// zeroes its whole bucket array when it grows or reserves (7 ms for
/// 100,000 on a 2-core VM). Here an insert allocates one value and, once per
/// 64, a block of slots; an erase frees its value, and the slots before the
/// oldest value left are given back. Values never move: pointers to them
/// stay valid until they are erased.
///
/// A gap costs a slot (8 bytes) per id between the oldest and the newest
/// value; ids far below first() cost one slot each to reach (a rare retry
/// of an old item, once).
template<typename T> class IdTable {
public:
    T *find(quint64 id)
    {
        std::unique_ptr<T> *slot = slotOf(id);
        return slot ? slot->get() : nullptr;
    }
    const T *find(quint64 id) const { return const_cast<IdTable *>(this)->find(id); }
    bool contains(quint64 id) const { return find(id) != nullptr; }

    /// The value of @p id, default-constructed if there was none.
    T &operator[](quint64 id)
    {
        std::unique_ptr<T> &slot = makeSlot(id);
        if (!slot) {
            slot = std::make_unique<T>();
            ++m_size;
        }
        return *slot;
    }

    /// Sets the value of @p id, replacing any.
    T &insert(quint64 id, T value)
    {
        std::unique_ptr<T> &slot = makeSlot(id);
        if (slot) {
            *slot = std::move(value);
        } else {
            slot = std::make_unique<T>(std::move(value));
            ++m_size;
        }
        return *slot;
    }

    void erase(quint64 id)
    {
        std::unique_ptr<T> *slot = slotOf(id);
        if (!slot || !*slot)
            return;
        slot->reset();
        --m_size;
        while (!m_slots.empty() && !m_slots.front()) {
            m_slots.pop_front();
            ++m_first;
        }
        while (!m_slots.empty() && !m_slots.back())
            m_slots.pop_back();
    }

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    /// Slots held, values and gaps: what the table costs beyond its values.
    qsizetype slotCount() const { return qsizetype(m_slots.size()); }

    /// Calls @p f(id, value) for each value, in id order. @p f must not
    /// insert or erase.
    template<typename F> void forEach(F &&f)
    {
        quint64 id = m_first;
        for (std::unique_ptr<T> &slot : m_slots) {
            if (slot)
                f(id, *slot);
            ++id;
        }
    }
    template<typename F> void forEach(F &&f) const
    {
        quint64 id = m_first;
        for (const std::unique_ptr<T> &slot : m_slots) {
            if (slot)
                f(id, std::as_const(*slot));
            ++id;
        }
    }

private:
    std::unique_ptr<T> *slotOf(quint64 id)
    {
        if (id < m_first || id - m_first >= m_slots.size())
            return nullptr;
        return &m_slots[id - m_first];
    }

    std::unique_ptr<T> &makeSlot(quint64 id)
    {
        if (m_slots.empty())
            m_first = id;
        for (; id < m_first; --m_first)
            m_slots.emplace_front();
        while (id - m_first >= m_slots.size())
            m_slots.emplace_back();
        return m_slots[id - m_first];
    }

    std::deque<std::unique_ptr<T>> m_slots;
    quint64 m_first = 0;
    qsizetype m_size = 0;
};

} // namespace trove
