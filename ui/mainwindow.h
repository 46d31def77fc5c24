#pragma once

#include "librarypaths.h"

#include <QMainWindow>

namespace trove::ui {

/// The Trove window. Assembles the parts; owns none of the library's state.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const LibraryPaths &paths, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds URLs or files to the ingest queue.
    void ingest(const QStringList &sources);

private:
    LibraryPaths m_paths;
};

} // namespace trove::ui
