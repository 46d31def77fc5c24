// SPDX-License-Identifier: MIT
#include "ingest/ingestbar.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace trove::ui {

IngestBar::IngestBar(QWidget *parent)
    : QWidget(parent)
    , m_url(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
{
    m_url->setPlaceholderText(tr("Paste or type image links (Ctrl+V anywhere adds them at once)"));
    m_url->setClearButtonEnabled(true);
    m_url->setAccessibleName(tr("Image links"));
    m_url->setMinimumWidth(260);
    m_name->setAccessibleName(tr("Name for the next image"));
    m_name->setMaximumWidth(180);
    m_tags->setPlaceholderText(tr("Tags, comma separated"));
    m_tags->setAccessibleName(tr("Tags for the next images"));
    m_tags->setToolTip(tr("Tags for what you add next, separated by commas"));
    m_tags->setMaximumWidth(200);
    m_add->setIcon(icon(Icon::Add));
    m_add->setToolTip(tr("Add the links in the field to the library"));
    m_add->setEnabled(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(6);
    layout->addWidget(m_url, 3);
    layout->addWidget(m_name, 1);
    layout->addWidget(m_tags, 1);
    layout->addWidget(m_add);

    connect(m_url, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_add->setEnabled(!text.trimmed().isEmpty());
        updateNameHint();
    });
    // Enter adds from whichever field has the focus.
    for (QLineEdit *field : { m_url, m_name, m_tags })
        connect(field, &QLineEdit::returnPressed, this, &IngestBar::submit);
    updateNameHint();
    connect(m_add, &QPushButton::clicked, this, &IngestBar::submit);
}

IngestBar::~IngestBar() = default;

bool IngestBar::holdsSeveral(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts).size() > 1;
}

IngestRequest IngestBar::takeOptions(int sources)
{
    IngestRequest options;
    if (sources == 1) {
        options.name = normalizeName(m_name->text());
        m_name->clear();
    }
    options.tags = normalizeTags(m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts));
    m_tags->clear();
    return options;
}

void IngestBar::updateNameHint()
{
    // Two images of one typed name are never what was meant.
    if (holdsSeveral(m_url->text())) {
        m_name->setPlaceholderText(tr("Names from the links"));
        m_name->setToolTip(tr("Several links: each image takes its name from its link; "
                              "a name typed here waits for a single link"));
    } else {
        m_name->setPlaceholderText(tr("Name (optional)"));
        m_name->setToolTip(tr("A name for the next image; empty: taken from the link"));
    }
}

void IngestBar::submit()
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        m_url->setFocus(); // Enter in the name field before a link: where it goes
        return;
    }
    m_url->clear();
    Q_EMIT addRequested(text);
}

} // namespace trove::ui
