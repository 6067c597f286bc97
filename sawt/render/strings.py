"""Every user-visible string the renderer writes, in both site languages.

One concept, one key, one place: templates and code look strings up by key and
never spell out text of their own. Status and event-type labels are not here:
they belong to the data vocabulary and live in `sawt.dates` next to the date
and number formatting.

Strings with `{placeholders}` are filled by `phrase()`, which escapes every
value, so a translator can move a placeholder without touching any code.
"""

from __future__ import annotations

from typing import Mapping

from markupsafe import Markup, escape

from sawt.data.model import Lang

STRINGS: Mapping[str, Mapping[str, str]] = {
    "en": {
        # case page
        "pseudonym_notice": "This name is a pseudonym, changed to protect the person and their family.",
        "key_facts": "Key facts",
        "last_held_at": "Last known place of detention",
        "what_we_ask": "What we ask",
        "last_verified": "Last verified",
        "photo_alt": "Photo of {name}",
        "portrait_placeholder": "No photo of {name} is published",
        "as_of": "as of {date}",
        "act_share": "Share this case",
        "text_only_link": "Text only (light, for slow connections)",
        "text_only_notice": "text-only version, for slow connections",
        "text_only_full_page": "Full page",
        # appeals (sawt.render.appeal) and a case's appeal action
        "appeal_targets": "Whom to write to",
        "appeal_letter": "The letter",
        "appeal_subject": "Subject: {subject}",
        "appeal_send": "Send the letter",
        "appeal_copy": "Copy the letter",
        "appeal_copied": "Letter copied",
        "appeal_selected": "Letter selected: copy it with your device's copy command",
        "appeal_deadline": "Act by {date}",
        "appeal_closed": "Closed on {date}: this appeal no longer takes letters.",
        "appeal_no_email": "No email address is published for these offices, so there is no send button: copy the letter, send it by post or through their own channels, and share this appeal.",
        "appeal_long_letter": "The letter is too long for an email link: the button opens your email app with the address and subject; copy the letter first and paste it in.",
        # the body of a mailto: link when the letter itself is too long to fit in one
        "appeal_paste_here": "[Paste the letter here. You can copy it from {url}]",
        "appeal_people": "The people this appeal is about",
        "appeal_email": "Email: {email}",
        "act_read_appeal": "Read the appeal",
        # About: the campaign's contact channel (extra.sawt.contact in mkdocs.yml)
        "contact_title": "Contact us safely",
        "contact_email": "Email",
        "contact_url": "Other safe channels",
        "in_place": "in {place}",
        "by_whom": "by {by}",
        "place_on_date": "{place} ({date})",
        "timeline": "Timeline",
        "sources": "Sources",
        "corrections": "Corrections",
        "source": "Source",
        "archived_copy": "archived copy",
        "description_ask": "{status}. {site} asks: {ask}",
        "description_summary": "{status}. {summary}",
        # case index
        "col_name": "Name",
        "col_status": "Status",
        "col_place": "Place of arrest",
        "col_date": "Date of arrest",
        "unknown": "Unknown",
        "index_caption": "Cases {first} to {last} of {total}",
        "index_caption_all": "All {total} cases",
        "filter_legend": "Filter this page",
        "filter_status": "Status",
        "filter_year": "Year of arrest",
        "filter_all": "All",
        "filter_reset": "Show all",
        # Filled in by sawt-cases.js: keep the {shown} and {total} placeholders.
        "filter_result": "Showing {shown} of {total} cases on this page",
        "pseudonym_mark": "(pseudonym)",
        # home page cards
        "read_case": "Read the case",
        "all_cases": "All {total} cases",
        "case_index_link": "The case index",
        "index_page_title": "Cases, page {n} of {total}",
        "pagination": "Pages of the case index",
        "previous_page": "Previous",
        "next_page": "Next",
        "page_n": "Page {n}",
        # timelines
        "context": "Context",
        "timeline_left_out": "Shown here: the latest {shown} of {total} case events. Each case's page has all of its events:",
        # figures and chart
        "chart_by_status": "Cases by status",
        "chart_by_year": "Cases by year of arrest",
        "chart_description": "{items}. Total: {total}.",
        "chart_item": "{label}: {value}",
        "col_cases": "Cases",
        "col_year": "Year",
        "year_unknown": "Year unknown",
        "total": "Total",
        "list_separator": ", ",
        # site-wide: pages shown in the other language, share block, feeds, cards
        "site_tagline": "An archive of Syrian detainees, defectors and refugees at risk of forced return from Lebanon",
        "untranslated_notice": "This page has not been translated into English yet. It is shown in its original language.",
        "read_original": "Read the original page",
        "feed_title": "Sawt: new cases, status changes and news",
        # the Open data page (sawt.render.open_data): each export's gzip copy
        "open_data_compressed": "Compressed",
        "open_data_compressed_note": (
            "the same files compressed with gzip, many times smaller to download on a slow or costly "
            "connection. Most systems open them with a double click, others with any unzip program "
            "or the command gunzip cases.json.gz"
        ),
        "share_title": "Share this page",
        "share_copy": "Copy link",
        "share_copied": "Link copied",
        "share_device": "Share…",
        "share_email": "Email",
        "share_qr": "QR code for this page",
        "share_scan": "Scan to open this page",
    },
    "ar": {
        "pseudonym_notice": "هذا الاسم مستعار، غُيِّر لحماية الشخص وعائلته.",
        "key_facts": "معلومات أساسية",
        "last_held_at": "آخر مكان احتجاز معروف",
        "what_we_ask": "مطالبنا",
        "last_verified": "آخر تحقّق من المعلومات",
        "photo_alt": "صورة {name}",
        "portrait_placeholder": "لا تُنشر صورة لـ{name}",
        "as_of": "حتى {date}",
        "act_share": "شارك هذه القضية",
        "text_only_link": "نسخة نصية خفيفة (للاتصال البطيء)",
        "text_only_notice": "نسخة نصية خفيفة للاتصال البطيء",
        "text_only_full_page": "الصفحة الكاملة",
        "appeal_targets": "إلى من تكتب",
        "appeal_letter": "الرسالة",
        "appeal_subject": "الموضوع: {subject}",
        "appeal_send": "أرسل الرسالة",
        "appeal_copy": "نسخ الرسالة",
        "appeal_copied": "نُسخت الرسالة",
        "appeal_selected": "حُدِّدت الرسالة: انسخها بأمر النسخ في جهازك",
        "appeal_deadline": "آخر موعد للتحرك: {date}",
        "appeal_closed": "أُغلقت في {date}: لم تعد هذه المناشدة تستقبل رسائل.",
        "appeal_no_email": "لا يوجد بريد إلكتروني منشور لهذه الجهات، لذلك لا يوجد زر إرسال: انسخ الرسالة وأرسلها بالبريد أو عبر قنواتها الخاصة، وانشر هذه المناشدة.",
        "appeal_long_letter": "الرسالة أطول من أن يحملها رابط بريد إلكتروني: يفتح الزر تطبيق البريد مع العنوان والموضوع، فانسخ الرسالة أولاً ثم الصقها فيه.",
        "appeal_paste_here": "[الصق الرسالة هنا. يمكنك نسخها من {url}]",
        "appeal_people": "الأشخاص الذين تخصهم هذه المناشدة",
        "appeal_email": "البريد الإلكتروني: {email}",
        "act_read_appeal": "اقرأ المناشدة",
        "contact_title": "تواصل معنا بأمان",
        "contact_email": "البريد الإلكتروني",
        "contact_url": "قنوات آمنة أخرى",
        "in_place": "في {place}",
        "by_whom": "على يد {by}",
        "place_on_date": "{place} ({date})",
        "timeline": "التسلسل الزمني",
        "sources": "المصادر",
        "corrections": "التصحيحات",
        "source": "المصدر",
        "archived_copy": "نسخة مؤرشفة",
        "description_ask": "{status}. مطالب {site}: {ask}",
        "description_summary": "{status}. {summary}",
        "col_name": "الاسم",
        # "الحالة" would read as "the case": the status is "الوضع".
        "col_status": "الوضع",
        "col_place": "مكان الاعتقال",
        "col_date": "تاريخ الاعتقال",
        "unknown": "غير معروف",
        # Words rather than an en dash: a numeric range reads unambiguously in RTL.
        "index_caption": "الحالات من {first} إلى {last} من أصل {total}",
        "index_caption_all": "جميع الحالات ({total})",
        "filter_legend": "تصفية هذه الصفحة",
        "filter_status": "الوضع",
        "filter_year": "سنة الاعتقال",
        "filter_all": "الكل",
        "filter_reset": "عرض الكل",
        # No counted noun: Arabic number agreement would need several forms.
        "filter_result": "المعروض {shown} من أصل {total} في هذه الصفحة",
        "pseudonym_mark": "(اسم مستعار)",
        # بطاقات الصفحة الرئيسية
        "read_case": "اقرأ الحالة",
        "all_cases": "كل الحالات ({total})",
        "case_index_link": "فهرس الحالات",
        "index_page_title": "الحالات، الصفحة {n} من {total}",
        "pagination": "صفحات فهرس الحالات",
        "previous_page": "السابقة",
        "next_page": "التالية",
        "page_n": "الصفحة {n}",
        "context": "سياق عام",
        "timeline_left_out": "عدد الأحداث المعروضة هنا: {shown} من أصل {total}، وهي الأحدث. أحداث كل حالة كاملةً في صفحتها:",
        "chart_by_status": "الحالات بحسب الوضع",
        "chart_by_year": "الحالات بحسب سنة الاعتقال",
        "chart_description": "{items}. المجموع: {total}.",
        "chart_item": "{label}: {value}",
        "col_cases": "عدد الحالات",
        "col_year": "السنة",
        "year_unknown": "سنة غير معروفة",
        "total": "المجموع",
        "list_separator": "، ",
        # على مستوى الموقع: صفحات بلغتها الأصلية، المشاركة، الخلاصات، البطاقات
        "site_tagline": "أرشيف للمعتقلين السوريين والمنشقين واللاجئين المهددين بالإعادة القسرية من لبنان",
        "untranslated_notice": "لم تُترجم هذه الصفحة إلى العربية بعد، وهي معروضة بلغتها الأصلية.",
        "read_original": "اقرأ الصفحة الأصلية",
        "feed_title": "صوت: حالات جديدة وتغيّرات في الأوضاع وأخبار",
        # صفحة البيانات المفتوحة: نسخة مضغوطة من كل ملف
        "open_data_compressed": "نسخ مضغوطة",
        "open_data_compressed_note": (
            "الملفات نفسها مضغوطة بصيغة gzip، أصغر منها بأضعاف، فتنزيلها أسرع وأرخص على اتصال بطيء "
            "أو مكلف. تفتحها معظم الأنظمة بنقرة مزدوجة، وغيرها بأي برنامج لفك الضغط أو بالأمر "
            "gunzip cases.json.gz"
        ),
        "share_title": "شارك هذه الصفحة",
        "share_copy": "نسخ الرابط",
        "share_copied": "نُسخ الرابط",
        "share_device": "مشاركة…",
        "share_email": "بريد إلكتروني",
        "share_qr": "رمز QR لهذه الصفحة",
        "share_scan": "امسح الرمز لفتح هذه الصفحة",
    },
}


def text(key: str, lang: Lang) -> str:
    """The plain string for `key` (raises KeyError for an unknown key: a typo must not ship)."""
    return STRINGS[lang][key]


def phrase(key: str, lang: Lang, **values: object) -> Markup:
    """The string for `key` as HTML, its placeholders filled with escaped values.

    A value that is already `Markup` (a `<bdi>` or a `<time>`) is kept as is.
    """
    return escape(text(key, lang)).format(**values)


def plain(key: str, lang: Lang, **values: object) -> str:
    """The string for `key` as plain text (for front matter, attributes built in code, JS templates)."""
    return text(key, lang).format(**values)
