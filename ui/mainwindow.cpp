#include "mainwindow.h"

#include <QLabel>

namespace trove::ui {

MainWindow::MainWindow(const LibraryPaths &paths, QWidget *parent)
    : QMainWindow(parent)
    , m_paths(paths)
{
    setWindowTitle(tr("Trove"));
    auto *label = new QLabel(tr("Library: %1").arg(paths.root()), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::ingest(const QStringList &sources) { Q_UNUSED(sources) }

} // namespace trove::ui
