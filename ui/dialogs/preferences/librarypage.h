// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace trove::ui {

struct Preferences;

/// Preferences ▸ Library: which library is open and which one opens at
/// start (Use Another Library… switches live; Move Library… asks the
/// window to move it), where exports start, and how long removed images
/// stay in the trash. GUI thread.
class LibraryPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPage)

public:
    explicit LibraryPage(QWidget *parent = nullptr);
    ~LibraryPage() override;

    /// Shows @p prefs without emitting edited().
    void load(const Preferences &prefs);
    void store(Preferences &prefs) const;
    /// The library the window shows now.
    void setCurrentLibrary(const QString &root);

    /// Switches to the library in @p dir and opens it at start from now on
    /// (what Use Another Library… does after its folder dialog).
    void useLibrary(const QString &dir);

    /// Asks for the library to be moved into @p dir (what Move Library…
    /// does after its folder dialog).
    void moveLibrary(const QString &dir);

    QLineEdit *exportFolderField() const { return m_exportFolder; }
    QSpinBox *trashRetentionBox() const { return m_retention; }
    QPushButton *useLibraryButton() const { return m_useLibrary; }
    QPushButton *moveLibraryButton() const { return m_moveLibrary; }

Q_SIGNALS:
    void edited();
    /// Move Library… chose the empty folder @p dir.
    void moveRequested(const QString &dir);

private:
    void chooseLibrary();
    void chooseMoveDestination();
    void chooseExportFolder();
    void updateLocation();

    QLabel *m_location;
    QLabel *m_startNote;
    QPushButton *m_useLibrary;
    QPushButton *m_moveLibrary;
    QLineEdit *m_exportFolder;
    QSpinBox *m_retention;
    QString m_current;
    QString m_libraryPath; ///< Preferences::libraryPath
};

} // namespace trove::ui
