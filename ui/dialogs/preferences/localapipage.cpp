// SPDX-License-Identifier: MIT
#include "dialogs/preferences/localapipage.h"

#include "api/apiconfig.h"
#include "api/apikey.h"
#include "base/futurewatch.h"
#include "base/platform.h"
#include "preferences.h"
#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QtConcurrent>

namespace trove::ui {

LocalApiPage::LocalApiPage(QWidget *parent)
    : QWidget(parent)
    , m_enabled(new QCheckBox(tr("&Serve the local API"), this))
    , m_port(new QSpinBox(this))
    , m_key(new QLineEdit(this))
    , m_showKey(new QPushButton(tr("S&how"), this))
    , m_copyKey(new QPushButton(tr("&Copy"), this))
    , m_newKey(new QPushButton(tr("&New Key…"), this))
    , m_origins(new QLineEdit(this))
    , m_originsProblem(new QLabel(this))
{
    m_enabled->setObjectName(QStringLiteral("apiEnabledBox"));
    m_enabled->setToolTip(tr("Let browser extensions and scripts on this computer add and read "
                             "images through Trove's local API (with the library's access key)"));
    m_port->setObjectName(QStringLiteral("apiPortBox"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Any free port"));
    m_port->setKeyboardTracking(false);
    m_key->setObjectName(QStringLiteral("apiKeyField"));
    m_key->setReadOnly(true);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Loading…"));
    m_showKey->setCheckable(true);
    m_origins->setObjectName(QStringLiteral("apiOriginsField"));
    m_origins->setPlaceholderText(tr("e.g. chrome-extension://abcdefgh… https://example.org"));
    m_origins->setToolTip(tr("Web pages and extensions from these origins may call the API "
                             "from a browser; separate them with spaces"));

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    keyRow->addWidget(m_copyKey);
    keyRow->addWidget(m_newKey);

    auto *form = new QFormLayout(this);
    form->addRow(m_enabled);
    form->addRow(tr("&Port on 127.0.0.1:"), m_port);
    auto *keyLabel = new QLabel(tr("Access &key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    form->addRow(tr("Allowed &origins:"), m_origins);
    // An origin no browser can send (a path, no scheme, "*") would leave
    // the page it was meant for refused with nothing said: it is named
    // here, and left out.
    m_originsProblem->setObjectName(QStringLiteral("apiOriginsProblem"));
    styleErrorLabel(m_originsProblem);
    form->addRow(QString(), m_originsProblem);
    auto *note = new QLabel(tr("Only programs on this computer can connect, and only with the "
                               "key. Each library has its own key; the trove serve command uses "
                               "the same port and origins."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);

    connect(m_enabled, &QCheckBox::toggled, this, &LocalApiPage::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &LocalApiPage::edited);
    connect(m_origins, &QLineEdit::editingFinished, this, [this] {
        showOriginProblems();
        Q_EMIT edited();
    });
    connect(m_showKey, &QPushButton::toggled, this, [this](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_copyKey, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_key->text()); });
    connect(m_newKey, &QPushButton::clicked, this, &LocalApiPage::askToRenew);
}

LocalApiPage::~LocalApiPage() = default;

void LocalApiPage::load(const Preferences &prefs)
{
    const QSignalBlocker a(m_enabled);
    const QSignalBlocker b(m_port);
    const QSignalBlocker c(m_origins);
    m_enabled->setChecked(prefs.apiEnabled);
    m_port->setValue(prefs.apiPort);
    // What was typed stays as typed while it says the same (the origins
    // left out included, with why beside them).
    if (usableOrigins() != prefs.allowedOrigins)
        m_origins->setText(prefs.allowedOrigins.join(QLatin1Char(' ')));
    showOriginProblems();
}

void LocalApiPage::store(Preferences &prefs) const
{
    prefs.apiEnabled = m_enabled->isChecked();
    prefs.apiPort = m_port->value();
    prefs.allowedOrigins = usableOrigins();
}

QStringList LocalApiPage::typedOrigins() const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return m_origins->text().split(separators, Qt::SkipEmptyParts);
}

QStringList LocalApiPage::usableOrigins() const
{
    return api::ApiConfig::usableOrigins(typedOrigins());
}

void LocalApiPage::showOriginProblems()
{
    QStringList problems;
    for (const QString &origin : typedOrigins())
        if (const QString problem = api::ApiConfig::originProblem(origin); !problem.isEmpty())
            problems.append(problem);
    m_originsProblem->setText(problems.isEmpty()
            ? QString()
            //: %1: why each origin cannot be used, one per line
            : tr("Left out, as no browser sends such an origin:\n%1")
                  .arg(problems.join(QLatin1Char('\n'))));
    m_originsProblem->setVisible(!problems.isEmpty());
}

void LocalApiPage::setLibrary(const LibraryPaths &paths)
{
    if (paths.root() == m_paths.root() && !m_key->text().isEmpty())
        return;
    m_paths = paths;
    const quint64 generation = ++m_generation;
    m_key->clear();
    for (QPushButton *button : { m_copyKey, m_newKey })
        button->setEnabled(false);
    if (paths.root().isEmpty())
        return;
    // The key file is created on first use: not on this thread.
    whenFinished(QtConcurrent::run(backgroundPool(), [paths] { return api::ApiKey::load(paths); }),
        this, [this, generation](const Result<QByteArray> &key) {
            if (generation == m_generation)
                showKey(key);
        });
}

void LocalApiPage::showKey(const Result<QByteArray> &key)
{
    if (!key) {
        m_key->clear();
        m_key->setPlaceholderText(tr("Cannot read the key: %1").arg(key.error()));
        return;
    }
    m_key->setText(QString::fromLatin1(*key));
    m_copyKey->setEnabled(true);
    m_newKey->setEnabled(true);
}

void LocalApiPage::askToRenew()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("New Access Key"),
        tr("Replace the access key of this library?"), QMessageBox::Cancel, this);
    box->setInformativeText(tr("Extensions and scripts that use the old key stop working until "
                               "they are given the new one."));
    QPushButton *replace = box->addButton(tr("Replace Key"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, replace] {
        if (box->clickedButton() == replace)
            renewKey();
    });
    box->open();
}

void LocalApiPage::renewKey()
{
    if (m_paths.root().isEmpty())
        return;
    const LibraryPaths paths = m_paths;
    const quint64 generation = ++m_generation;
    m_newKey->setEnabled(false);
    whenFinished(QtConcurrent::run(backgroundPool(), [paths] { return api::ApiKey::renew(paths); }),
        this, [this, generation](const Result<QByteArray> &key) {
            if (generation != m_generation)
                return;
            showKey(key);
            if (key)
                Q_EMIT keyRenewed();
        });
}

} // namespace trove::ui
