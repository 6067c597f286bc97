"""What the open data is: the public fields with their labels and descriptions, and the
licence. The exports (sawt/outputs/exports.py) write exactly these fields, and the Open data
page describes them from the same list (`open_data_markdown`), so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from sawt import catalogs
from sawt.data.model import Text
from sawt.render.strings import text

#: The export files of each language, each also published compressed as name + GZIP_SUFFIX
#: (written by sawt/outputs/exports.py, described here).
EXPORT_FILES = ("cases.json", "cases.csv")
GZIP_SUFFIX = ".gz"

LICENSE_ID = "CC-BY-4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENSE_NOTE = Text(
    en=(
        "The case data is published under the Creative Commons Attribution 4.0 International "
        "licence (CC BY 4.0): you may share and adapt it, also commercially, if you credit the "
        "archive and link to the licence. Photos and the sources' own texts are not covered."
    ),
    ar=(
        "تُنشر بيانات الحالات بموجب رخصة المشاع الإبداعي نَسب المُصنَّف 4.0 الدولية (CC BY 4.0): "
        "يحق لك مشاركتها وتعديلها، بما في ذلك لأغراض تجارية، شرط نسبها إلى الأرشيف ووضع رابط "
        "للرخصة. لا تشمل الرخصة الصور ولا نصوص المصادر نفسها."
    ),
)


@dataclass(frozen=True)
class PublicField:
    name: str
    label: Text
    description: Text


PUBLIC_FIELDS: tuple[PublicField, ...] = (
    PublicField(
        "slug",
        Text("Identifier", "المعرّف"),
        Text("The case's permanent identifier, also the last part of its page address.",
             "المعرّف الثابت للحالة، وهو أيضًا الجزء الأخير من عنوان صفحتها."),
    ),
    PublicField(
        "name_en",
        Text("Name (English)", "الاسم (بالإنكليزية)"),
        Text("The person's name in Latin letters.", "اسم الشخص بالحروف اللاتينية."),
    ),
    PublicField(
        "name_ar",
        Text("Name (Arabic)", "الاسم (بالعربية)"),
        Text("The person's name in Arabic.", "اسم الشخص بالعربية."),
    ),
    PublicField(
        "aliases",
        Text("Other names", "أسماء أخرى"),
        Text("Other names and spellings the person is known by (in CSV separated by \" | \").",
             "أسماء وتهجئات أخرى يُعرف بها الشخص (مفصولة في ملف CSV بالرمز \" | \")."),
    ),
    PublicField(
        "status",
        Text("Status code", "رمز الحالة"),
        Text("One of: at-risk, detained, disappeared, deported, released, died-in-custody.",
             "واحد من: at-risk، detained، disappeared، deported، released، died-in-custody."),
    ),
    PublicField(
        "status_label",
        Text("Status", "الحالة"),
        Text("The status in words, in the file's language.", "الحالة بالكلمات، بلغة الملف."),
    ),
    PublicField(
        "pseudonym",
        Text("Pseudonym", "اسم مستعار"),
        Text("true when the name was changed for the person's safety.",
             "true إذا غُيّر الاسم حفاظًا على سلامة الشخص."),
    ),
    PublicField(
        "summary",
        Text("Summary", "ملخص"),
        Text("A short account of the case, in the file's language.", "عرض موجز للحالة، بلغة الملف."),
    ),
    PublicField(
        "ask",
        Text("What we ask for", "مطالبنا"),
        Text("What the campaign asks for, in the file's language (may be empty).",
             "ما تطالب به الحملة، بلغة الملف (قد يكون فارغًا)."),
    ),
    PublicField(
        "arrest_date",
        Text("Date of arrest", "تاريخ الاعتقال"),
        Text("Date of the first arrest, detention or disappearance: YYYY-MM-DD, YYYY-MM or YYYY.",
             "تاريخ أول اعتقال أو احتجاز أو إخفاء: YYYY-MM-DD أو YYYY-MM أو YYYY."),
    ),
    PublicField(
        "arrest_place",
        Text("Place of arrest", "مكان الاعتقال"),
        Text("Where that happened, in the file's language (may be empty).",
             "مكان حدوث ذلك، بلغة الملف (قد يكون فارغًا)."),
    ),
    PublicField(
        "last_verified",
        Text("Last verified", "آخر تحقق"),
        Text("When the information was last checked: YYYY-MM-DD, YYYY-MM or YYYY.",
             "تاريخ آخر تحقق من المعلومات: YYYY-MM-DD أو YYYY-MM أو YYYY."),
    ),
    PublicField(
        "url",
        Text("Page address", "عنوان الصفحة"),
        Text("The case's page on this site, in the file's language.", "صفحة الحالة على هذا الموقع، بلغة الملف."),
    ),
    PublicField(
        "sources",
        Text("Sources", "المصادر"),
        Text("Addresses of the published sources cited (in CSV separated by \" | \").",
             "عناوين المصادر المنشورة المستشهد بها (مفصولة في ملف CSV بالرمز \" | \")."),
    ),
    PublicField(
        "sources_archived",
        Text("Archived copies", "النسخ المحفوظة"),
        Text("For each source in the same order, the SHA-256 of its latest archived copy, or empty "
             "when it has none (see the Methodology page; in CSV separated by \" | \").",
             "لكل مصدر وبالترتيب نفسه، بصمة SHA-256 لآخر نسخة محفوظة منه، أو فراغ إن لم تكن له نسخة "
             "(انظر صفحة المنهجية؛ مفصولة في ملف CSV بالرمز \" | \")."),
    ),
    PublicField(
        "arrest_grade",
        Text("Grade of the arrest", "درجة الاعتقال"),
        Text("How sure the archive is of the arrest, detention or disappearance: an id from the "
             "grade scale on the Methodology page (confirmed, corroborated, single-source, contested, "
             "discounted), or empty when it is not graded.",
             "درجة يقين الأرشيف من الاعتقال أو الاحتجاز أو الإخفاء: معرِّف من سلّم الدرجات في صفحة "
             "المنهجية (confirmed أو corroborated أو single-source أو contested أو discounted)، أو "
             "فراغ إن لم يُقيَّم."),
    ),
)
FIELD_NAMES: tuple[str, ...] = tuple(field.name for field in PUBLIC_FIELDS)


def open_data_markdown(lang: str, data_url: str) -> str:
    """The Open data section: download links, the licence and the field list (one
    place that describes the exports, from the same PUBLIC_FIELDS that make them)."""
    download, licence, fields, field, meaning, everything = (
        catalogs.text(f"open_data:{key}", lang) for key in ("download", "licence", "fields", "field", "meaning", "everything"))
    lines = [
        # Raw links: the files are written after the pages, so a Markdown link checker would not find them.
        f'**{download}:** <a href="{data_url}cases.json" download>cases.json</a> · '
        f'<a href="{data_url}cases.csv" download>cases.csv</a> ({everything})',
        "",
        f"**{text('open_data_compressed', lang)}:** " + " · ".join(
            f'<a href="{data_url}{name}{GZIP_SUFFIX}" download>{name}{GZIP_SUFFIX}</a>' for name in EXPORT_FILES
        ) + f" ({text('open_data_compressed_note', lang)})",
        "",
        f"**{licence}:** [{LICENSE_ID}]({LICENSE_URL}). {LICENSE_NOTE[lang]}",
        "{: #" + catalogs.text("licence_anchor", lang) + " }",  # the site footer's "Licence" link
        "",
        f"| {field} | {meaning} |",
        "| --- | --- |",
    ]
    for item in PUBLIC_FIELDS:
        lines.append(f"| `{item.name}` ({item.label[lang]}) | {item.description[lang].replace('|', '/')} |")
    return "\n".join(lines)
