#!/usr/bin/env python3
"""Writes tests/data/html/<case>/page.html and expected.json from articles.py, each in the shape
of a saved page of its kind of outlet (menus, cookie banners, share bars, related lists, comments,
captions). Run it again after changing articles.py; the outputs are committed."""
import html
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from articles import ARTICLES  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
e = html.escape


def body_html(items, p_class=""):
    out = []
    attr = f' class="{p_class}"' if p_class else ""
    for kind, value in items:
        if kind == "p":
            out.append(f"<p{attr}>{e(value)}</p>")
        elif kind in ("h2", "h3"):
            out.append(f"<{kind}>{e(value)}</{kind}>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(v)}</li>" for v in value) + "</ul>")
        elif kind == "caption":
            out.append(f'<figure><img src="photo.jpg" alt="photo"><figcaption>{e(value)}</figcaption></figure>')
    return "\n".join(out)


def ld_json(a, authors=None, graph=False):
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
           "datePublished": a["published"] + "T08:30:00+08:00",
           "author": authors if authors is not None else {"@type": "Person", "name": a["author"]},
           "publisher": {"@type": "Organization", "name": a["outlet"]}}
    if graph:
        obj = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": a["outlet"]}, obj]}
    return '<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False) + "</script>"


NAV = """<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/tech">Technology</a></li><li><a href="/markets">Markets</a></li></ul></nav>"""
COOKIE = """<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>"""
FOOTER = """<footer class="site-footer"><p>&copy; 2024 {outlet}. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>"""
RELATED = """<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a1">Huawei unveils new Ascend chips for data centres</a></li>
<li><a href="/a2">Chinese regulators approve more generative AI services</a></li>
<li><a href="/a3">Why open models are winning developers in Asia</a></li></ul></aside>"""
SHARE = """<div class="share-bar"><a href="#">Share on X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>"""
COMMENTS = """<section id="comments" class="comments-area"><h3>4 Comments</h3>
<div class="comment"><p class="comment-author">techwatcher88</p><p>Great piece, but the numbers on adoption seem inflated to me.</p></div>
<div class="comment"><p class="comment-author">Li M.</p><p>Patents are not products. Let us see what ships.</p></div>
<form class="comment-form"><p>Leave a Reply</p><textarea></textarea><button>Post Comment</button></form></section>"""
NEWSLETTER = """<div class="newsletter-signup"><h4>Get the China AI briefing</h4><p>Sign up for our weekly newsletter in your inbox.</p>
<form><input type="email"><button>Subscribe</button></form></div>"""


def page_wire(a):  # wire agency: <article>, JSON-LD, cookie banner, nav, related aside
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(a['outlet'])}</title>
<meta property="og:title" content="{e(a['title'])}">
<meta property="og:site_name" content="{e(a['outlet'])}">
{ld_json(a)}
<style>.cookie-consent{{position:fixed}}</style><script>window.dataLayer=[];</script>
</head><body>
{COOKIE}
<header class="masthead"><a class="logo" href="/">{e(a['outlet'])}</a>{NAV}</header>
<main id="main-content">
<article class="story">
<header><p class="kicker"><a href="/tech">{e(a['section'])}</a></p><h1>{e(a['title'])}</h1>
<div class="byline">By <a href="/authors/x">{e(a['author'])}</a></div>
<time datetime="{a['published']}T08:30:00Z">July 3, 2024 8:30 AM GMT</time></header>
{SHARE}
<div class="article-body">
{body_html(a['body'])}
</div>
<p class="tags">Tags: AI, patents, China</p>
</article>
{RELATED}
</main>
{FOOTER.format(outlet=e(a['outlet']))}
</body></html>
"""


def page_blog(a):  # personal blog: no article/main, divs, comments, author from meta, <time>
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(a['title'])} - {e(a['outlet'])}</title>
<meta name="author" content="{e(a['author'])}">
<link rel="stylesheet" href="style.css">
</head><body class="home blog">
<div id="wrapper"><div id="header"><div class="site-title"><a href="/">{e(a['outlet'])}</a></div>
<div class="menu"><a href="/">Home</a> | <a href="/archive">Archive</a> | <a href="/about">About</a></div></div>
<div id="content" class="clearfix">
<div class="post">
<h1 class="entry-title">{e(a['title'])}</h1>
<div class="entry-meta">Posted on <time datetime="{a['published']}">July 11, 2024</time> by {e(a['author'])}</div>
<div class="entry-content">
{body_html(a['body'])}
<p>Share this:</p>
</div>
</div>
{COMMENTS}
</div>
<div id="sidebar"><h3>Archives</h3><ul><li><a href="/2024/06">June 2024</a></li><li><a href="/2024/05">May 2024</a></li></ul>
<h3>Blogroll</h3><ul><li><a href="#">ChinAI</a></li><li><a href="#">Interconnected</a></li></ul></div>
<div id="footer"><p>Powered by a static site generator. Theme by nobody in particular.</p></div>
</div></body></html>
"""


def page_magazine(a):  # OpenGraph only, article:author as a URL, figure caption, share list, newsletter form
    return f"""<!doctype html>
<html><head><meta charset="UTF-8">
<title>{e(a['title'])} | {e(a['outlet'])}</title>
<meta property="og:title" content="{e(a['title'])} | {e(a['outlet'])}">
<meta property="og:site_name" content="{e(a['outlet'])}">
<meta property="article:published_time" content="{a['published']}T06:00:00+00:00">
<meta property="article:author" content="https://example.com/people/chen-yiru">
<meta property="article:section" content="{e(a['section'])}">
<meta name="author" content="{e(a['author'])}">
</head><body>
<div class="topbar">Subscribe for $1 a week</div>
<header><nav><a href="/">{e(a['outlet'])}</a> <a href="/business">Business</a> <a href="/science">Science</a></nav></header>
<article>
<h1>{e(a['title'])}</h1>
<p class="dek-byline">By {e(a['author'])}</p>
<ul class="social-share"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Copy link</a></li></ul>
{body_html(a['body'])}
{NEWSLETTER}
</article>
<section class="recommended"><h2>Recommended for you</h2><article class="card"><h3><a href="/x">Inside the race to build China's answer to Sora</a></h3></article>
<article class="card"><h3><a href="/y">The chip ban, one year later</a></h3></article></section>
{FOOTER.format(outlet=e(a['outlet']))}
</body></html>
"""


def page_newspaper(a):  # several <article>s (teaser cards), @graph JSON-LD with two authors, ads
    authors = [{"@type": "Person", "name": n.strip()} for n in a["author"].split(",")]
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{e(a['title'])} | World | {e(a['outlet'])}</title>
{ld_json(a, authors=authors, graph=True)}
</head><body>
<a class="skip-link" href="#content">Skip to main content</a>
<header class="site-header"><div class="brand">{e(a['outlet'])}</div>{NAV}</header>
<div class="ad-slot ad-leaderboard"><p>Advertisement</p></div>
<div class="layout">
<section class="top-stories">
<article class="teaser"><h3><a href="/t1">Markets steady as Asia opens</a></h3><p>Traders await data.</p></article>
<article class="teaser"><h3><a href="/t2">Weather: storms expected</a></h3><p>Bring an umbrella.</p></article>
</section>
<article id="content" class="article">
<h1>{e(a['title'])}</h1>
<p class="byline">By {e(a['author'].replace(', ', ' and '))}</p>
<p class="dateline">October 17, 2023</p>
{body_html(a['body'])}
<div class="advert"><p>Advertisement</p></div>
</article>
<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/m1">Ten things to know today</a></li><li><a href="/m2">Opinion: the long game</a></li></ol></aside>
</div>
{FOOTER.format(outlet=e(a['outlet']))}
</body></html>
"""


def page_thinktank(a):  # <main>, h2/h3, lists, footnotes, download box, JSON-LD
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} :: {e(a['outlet'])}</title>
{ld_json(a)}
<meta property="article:section" content="{e(a['section'])}">
</head><body>
{COOKIE}
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/research">Research</a> &gt; Briefs</div>
<main role="main">
<h1>{e(a['title'])}</h1>
<div class="author-name">{e(a['author'])}</div>
<div class="pub-date">September 2, 2024</div>
<div class="download-box"><a href="/brief.pdf">Download PDF</a></div>
{body_html(a['body'])}
<div class="share"><p>Share this brief</p><a href="#">Email</a></div>
</main>
<footer><p>{e(a['outlet'])} is an independent research organisation.</p></footer>
</body></html>
"""


def page_gbk(a):  # legacy Chinese charset declared with <meta charset>, English text with Chinese names
    return f"""<html><head><meta charset="gb2312">
<title>{e(a['title'])}_{e(a['outlet'])}</title>
<meta name="author" content="{e(a['author'])}">
<meta name="publishdate" content="{a['published']}">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/tech">科技</a> <a href="/finance">财经</a></div>
<div class="main-article">
<h1>{e(a['title'])}</h1>
<div class="info">{e(a['outlet'])} 2024-04-16</div>
{body_html(a['body'])}
</div>
<div class="footer">版权所有 {e(a['outlet'])}</div>
</body></html>
"""


def page_cp1252(a):  # Windows-1252 declared through http-equiv, curly quotes, no JSON-LD
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252" />
<title>{e(a['title'])} - {e(a['outlet'])}</title>
<meta property="og:site_name" content="{e(a['outlet'])}" />
<meta property="article:published_time" content="{a['published']}T21:15:00Z" />
<meta name="author" content="By {e(a['author'])}" />
</head><body>
<table class="layout"><tr><td class="nav-column"><a href="/">Front page</a><br /><a href="/markets">Markets</a></td>
<td class="content-column"><div class="story">
<h1>{e(a['title'])}</h1>
<p class="byline">By {e(a['author'])} &middot; January 27, 2025</p>
{body_html(a['body'])}
<p>Read more: <a href="/deepseek">All our coverage of DeepSeek</a></p>
</div></td></tr></table>
<div id="footer">Circuit Weekly &copy; 2025</div>
</body></html>
"""


def page_hidden(a):  # hidden elements, sr-only text, inline ads, "story continues below", promo box
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(a['title'])} | {e(a['outlet'])}</title>
{ld_json(a)}
</head><body>
<div class="sr-only">Skip to navigation</div>
<div style="display: none"><p>Please enable JavaScript to read this page in full, and thank you for visiting.</p></div>
<header><nav aria-label="Main">{NAV}</nav></header>
<article>
<h1>{e(a['title'])}</h1>
<span class="byline">{e(a['author'])}</span>
<div aria-hidden="true" class="icon-row"><p>Icons that no reader hears or reads aloud in this page.</p></div>
{body_html(a['body'][:2])}
<div class="promo-box"><p>Try our premium tier free for thirty days and read without limits.</p></div>
<p>Story continues below</p>
{body_html(a['body'][2:])}
<div hidden><p>An old version of this paragraph that the editors removed from the page.</p></div>
</article>
{COMMENTS}
</body></html>
"""


def page_readability(a):  # no semantic tags at all: the block with most text must win
    paras = "\n".join(f"<p>{e(v)}</p>" for k, v in a["body"] if k == "p")
    return f"""<html><head><title>{e(a['title'])} - {e(a['outlet'])}</title>
<meta name="author" content="{e(a['author'])}"><meta name="date" content="{a['published']}">
</head><body>
<div id="top"><div class="logo">{e(a['outlet'])}</div>
<div class="links"><a href="/1">Startups</a> <a href="/2">Funding</a> <a href="/3">Chips</a> <a href="/4">Policy</a> <a href="/5">Podcasts</a></div></div>
<div class="wrap">
<div class="left-col"><div class="box"><a href="/r1">Zhipu AI raises new funding round from state investors in Beijing</a></div>
<div class="box"><a href="/r2">MiniMax launches video model for overseas users</a></div></div>
<div class="center-col">
<div class="headline-area"><h1>{e(a['title'])}</h1></div>
<div class="txt">
{paras}
</div></div>
<div class="right-col"><p>Sponsored</p><p><a href="/ad">Cloud GPUs from 1 dollar an hour, sign up today and save on every training run</a></p></div>
</div>
<div class="bottom">Contact | Jobs | Terms</div>
</body></html>
"""


def page_equality(a):  # a plain, well-formed news page: the article also saved as article.txt
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(a['outlet'])}</title>
{ld_json(a)}
</head><body>
{COOKIE}
<header>{NAV}</header>
<article>
<h1>{e(a['title'])}</h1>
<p class="byline">By {e(a['author'])}</p>
<time datetime="{a['published']}">May 30, 2024</time>
{body_html(a['body'])}
{SHARE}
</article>
{RELATED}
{FOOTER.format(outlet=e(a['outlet']))}
</body></html>
"""


def page_pullquote(a):  # no semantic tags, body in chunks, pull quote, inline related line, bio, disqus
    b = a["body"]
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e(a['title'])} \u2013 {e(a['outlet'])}</title>
<meta property="og:site_name" content="{e(a['outlet'])}">
<meta property="article:published_time" content="{a['published']}T03:00:00Z">
<meta name="author" content="{e(a['author'])}">
</head><body>
<div class="top"><div class="logo">{e(a['outlet'])}</div><div class="menu-wrap"><a href="/">Home</a> <a href="/co">Companies</a></div></div>
<div class="story-body">
<h1 class="headline">{e(a['title'])}</h1>
<div class="content-block">{body_html(b[:1])}</div>
<p><strong>Related:</strong> <a href="/r">Tencent Cloud cuts prices for its AI models</a></p>
<div class="content-block">{body_html(b[1:3])}</div>
<blockquote class="pullquote"><p>{e(b[2][1].split(', and ')[0])}.</p></blockquote>
<div class="content-block">{body_html(b[3:])}</div>
<p>Topics: Tencent, open source, LLMs</p>
<div class="author-info"><p>{e(a['author'])} covers Chinese technology companies from Singapore.</p></div>
</div>
<div id="disqus_thread"><p>Load the comments from our community below.</p></div>
<div class="site-footer-links"><a href="/t">Terms</a> <a href="/p">Privacy</a></div>
</body></html>
"""


def page_liveblog(a):  # <main> with key points, sections, a consent dialog, ads, a gallery, credits footer
    b = a["body"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{e(a['title'])} | {e(a['outlet'])}</title>
{ld_json(a)}
</head><body>
<div role="dialog" class="consent"><p>We value your privacy. We and our partners use cookies and similar technologies.</p><button>Agree</button></div>
<header class="site"><a href="/">{e(a['outlet'])}</a><nav><a href="/policy">Policy</a> <a href="/tech">Tech</a></nav></header>
<main>
<h1>{e(a['title'])}</h1>
<div class="meta"><span class="byline">{e(a['author'])}</span> <time datetime="{a['published']}T14:05:00+08:00">15 Jan 2025</time></div>
{body_html(b[:2])}
<div class="ad-container"><p>Advertisement</p></div>
{body_html(b[2:4])}
<div class="gallery"><figure><img src="a.jpg"><figcaption>The Zhipu AI stand at a Beijing trade fair.</figcaption></figure>
<figure><img src="b.jpg"><figcaption>Commerce Department headquarters in Washington.</figcaption></figure></div>
{body_html(b[4:])}
<footer class="article-credits"><p>Additional reporting by Wen Haoran; editing by Mara Lindqvist.</p></footer>
</main>
<section class="more-news"><h2>More news</h2><ul><li><a href="/n1">Nvidia results beat forecasts</a></li><li><a href="/n2">Baidu robotaxis expand</a></li></ul></section>
</body></html>
"""


def text_version(a):
    lines = [a["title"], f"By {a['author']}", "May 30, 2024", ""]
    for kind, value in a["body"]:
        if kind == "ul":
            lines += [f"- {v}" for v in value] + [""]
        elif kind != "caption":
            lines += [value, ""]
    return "\n".join(lines)


CASES = {
    "wire-patents": (page_wire, "utf-8"),
    "blog-survey": (page_blog, "utf-8"),
    "magazine-pricewar": (page_magazine, "utf-8"),
    "newspaper-chips": (page_newspaper, "utf-8"),
    "thinktank-plan": (page_thinktank, "utf-8"),
    "gbk-baidu": (page_gbk, "gb18030"),
    "cp1252-deepseek": (page_cp1252, "cp1252"),
    "hidden-furniture": (page_hidden, "utf-8"),
    "readability-kimi": (page_readability, "utf-8"),
    "equality-pricewar": (page_equality, "utf-8"),
    "pullquote-tencent": (page_pullquote, "utf-8"),
    "liveblog-zhipu": (page_liveblog, "utf-8"),
}

for name, (make, encoding) in CASES.items():
    a = ARTICLES[name]
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "page.html"), "wb") as f:
        f.write(make(a).encode(encoding, errors="xmlcharrefreplace"))
    body = []
    for kind, value in a["body"]:
        if kind == "ul":
            body += value
        elif kind != "caption":
            body.append(value)
    expected = {"title": a["title"], "author": a["author"], "published": a["published"], "body": body}
    with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")
    if name.startswith("equality"):
        with open(os.path.join(folder, "article.txt"), "w", encoding="utf-8") as f:
            f.write(text_version(a))
