// SPDX-License-Identifier: MIT
#pragma once

#include "storage/librarypaths.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace trove::ui {

struct Preferences;

/// Preferences ▸ Local API: on or off, the port, the open library's access
/// key (shown, copied, replaced; read and written off the GUI thread) and
/// the browser origins allowed to call it. GUI thread.
class LocalApiPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalApiPage)

public:
    explicit LocalApiPage(QWidget *parent = nullptr);
    ~LocalApiPage() override;

    /// Shows @p prefs without emitting edited().
    void load(const Preferences &prefs);
    void store(Preferences &prefs) const;
    /// The library whose key is shown; loads it.
    void setLibrary(const LibraryPaths &paths);
    /// Replaces the key of the library shown, without asking (New Key…
    /// asks first).
    void renewKey();

    QCheckBox *enabledBox() const { return m_enabled; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *keyField() const { return m_key; }
    QLineEdit *originsField() const { return m_origins; }
    /// Why origins typed in the field are left out (hidden when none are).
    QLabel *originsProblem() const { return m_originsProblem; }

Q_SIGNALS:
    void edited();
    /// The key was replaced: a running server must restart to use it.
    void keyRenewed();

private:
    void showKey(const Result<QByteArray> &key);
    QStringList typedOrigins() const;
    /// The typed origins a browser can send, normalised; the rest left out.
    QStringList usableOrigins() const;
    void showOriginProblems();
    void askToRenew();

    QCheckBox *m_enabled;
    QSpinBox *m_port;
    QLineEdit *m_key;
    QPushButton *m_showKey;
    QPushButton *m_copyKey;
    QPushButton *m_newKey;
    QLineEdit *m_origins;
    QLabel *m_originsProblem;
    LibraryPaths m_paths;
    quint64 m_generation = 0; ///< a key read for another library is dropped
};

} // namespace trove::ui
