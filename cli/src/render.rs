//! `annals render DATA [-o OUT.html] [--fragment]`: the timeline of DATA
//! (native JSON, TimelineJS3 JSON or CSV) as HTML, with the stylesheet that
//! positions it written beside it (OUT with `.css`).

use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use annals::model::{parse_bytes, ProblemKind};
use annals::prerender::{self, Links, WIDTH};

/// Arguments of `annals render`.
#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// The dataset: native JSON, TimelineJS3 JSON or CSV.
    pub data: PathBuf,
    /// Where to write the HTML [default: DATA's name with .html, here]. The
    /// positions' stylesheet goes beside it, with .css.
    #[arg(short, long, value_name = "OUT.html")]
    pub output: Option<PathBuf>,
    /// Write only the timeline's markup, to paste inside
    /// <annals-timeline src=…>; it shows before the script runs.
    #[arg(long)]
    pub fragment: bool,
    /// Fill this page's <div id="annals"> (no other <div> inside it) instead
    /// of writing a page of our own, and link the stylesheet from its <head>:
    /// the release build uses it on trunk's index.html.
    #[arg(long, value_name = "PAGE.html", conflicts_with = "fragment")]
    pub template: Option<PathBuf>,
    /// Address of annals' files (annals.css, loader.js, embed.js) as the
    /// page or fragment links them: a prefix such as "/annals/".
    #[arg(long, value_name = "PREFIX", default_value = "")]
    pub assets: String,
    /// Width of the timeline in pixels; the default is the width it has in a
    /// 1280 px wide window.
    #[arg(long, default_value_t = WIDTH)]
    pub width: f64,
}

/// Renders as `args` say; the error says what to fix.
pub fn run(args: &RenderArgs) -> Result<(), String> {
    if !(args.width.is_finite() && args.width >= 100.0 && args.width <= 100_000.0) {
        return Err(format!(
            "--width {} is out of range: give the timeline's width in pixels, from 100 to 100000",
            args.width
        ));
    }
    let bytes =
        fs::read(&args.data).map_err(|e| format!("cannot read {}: {e}", args.data.display()))?;
    let loaded = match parse_bytes(&bytes) {
        Ok(loaded) => loaded,
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            return Err(format!(
                "{} could not be read as a dataset:\n{}",
                args.data.display(),
                list.join("\n")
            ));
        }
    };
    for problem in &loaded.problems {
        eprintln!("{}: {problem}", args.data.display());
    }
    if loaded.dataset.events.is_empty() {
        return Err(format!(
            "{} has no event that could be shown; fix the problems above",
            args.data.display()
        ));
    }
    let errors = loaded
        .problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "annals-cli: {errors} event(s) were left out; the page shows the {} that loaded",
            loaded.dataset.events.len()
        );
    }

    let output = args.output.clone().unwrap_or_else(|| {
        let stem = args.data.file_stem().unwrap_or_default();
        PathBuf::from(stem).with_extension("html")
    });
    let css_path = output.with_extension("css");
    let links = Links {
        assets: args.assets.clone(),
        stylesheet: file_name(&css_path)?,
    };
    let dataset = Rc::new(loaded.dataset);
    let rendered = prerender::render(dataset.clone(), args.width);
    let html = if args.fragment {
        prerender::fragment(&rendered, &links)
    } else if let Some(template) = &args.template {
        let page = fs::read_to_string(template)
            .map_err(|e| format!("cannot read the template {}: {e}", template.display()))?;
        fill(&page, &prerender::body(&dataset, &rendered), &links)
            .map_err(|e| format!("{}: {e}", template.display()))?
    } else {
        prerender::page(&dataset, &rendered, &links)
    };
    fs::write(&css_path, &rendered.css)
        .map_err(|e| format!("cannot write {}: {e}", css_path.display()))?;
    fs::write(&output, html).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    eprintln!(
        "wrote {} and {} ({} events)",
        output.display(),
        css_path.display(),
        dataset.events.len()
    );
    Ok(())
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("{} is not a file name", path.display()))
}

/// `page` with `body` as the content of its `<div id="annals">` and the
/// stylesheet linked at the end of its `<head>`.
fn fill(page: &str, body: &str, links: &Links) -> Result<String, String> {
    const OPEN: &str = "<div id=\"annals\">";
    let start = page
        .find(OPEN)
        .ok_or("the page has no <div id=\"annals\"> to render into")?
        + OPEN.len();
    let end = start
        + page[start..]
            .find("</div>")
            .ok_or("the <div id=\"annals\"> is not closed")?;
    if page[start..end].contains("<div") {
        return Err("the <div id=\"annals\"> must not hold other <div>s".into());
    }
    let head = page
        .find("</head>")
        .ok_or("the page has no </head> to link the stylesheet from")?;
    if head > start {
        return Err("</head> comes after <div id=\"annals\">".into());
    }
    Ok(format!(
        "{}{}{}{}{}",
        &page[..head],
        prerender::head_links(links),
        &page[head..start],
        body,
        &page[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_gets_the_body_and_the_stylesheet() {
        let page = "<html><head><title>t</title></head><body><div id=\"annals\">\n<noscript>x</noscript>\n</div></body></html>";
        let links = Links {
            assets: String::new(),
            stylesheet: "index.css".into(),
        };
        let filled = fill(page, "<p>BODY</p>", &links).unwrap();
        assert_eq!(
            filled,
            "<html><head><title>t</title>  <link rel=\"stylesheet\" href=\"index.css\">\n</head><body><div id=\"annals\"><p>BODY</p></div></body></html>"
        );
    }

    #[test]
    fn a_template_without_the_mount_point_is_refused() {
        let links = Links {
            assets: String::new(),
            stylesheet: "x.css".into(),
        };
        let error = fill("<html><head></head><body></body></html>", "", &links).unwrap_err();
        assert!(error.contains("<div id=\"annals\">"), "{error}");
    }
}
