//! Summaries in the safe Markdown subset, rendered as elements.

use yew::prelude::*;

use crate::model::markdown::{parse, Block, Inline};

/// Props of [`RichText`].
#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    /// Markdown source: paragraphs, lists, emphasis and links only.
    pub source: AttrValue,
}

/// Renders a summary. Every piece of text goes in as text; links were
/// limited to http, https and mailto by the parser.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    let blocks = use_memo(props.source.clone(), |source| parse(source).0);
    html! { <div class="annals-rich-text">{ for blocks.iter().map(block) }</div> }
}

fn block(b: &Block) -> Html {
    match b {
        Block::Paragraph(inlines) => html! { <p>{ for inlines.iter().map(inline) }</p> },
        Block::List { start: None, items } => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(block) }</li> }) }</ul>
        },
        Block::List {
            start: Some(first),
            items,
        } => html! {
            <ol start={first.to_string()}>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(block) }</li> }) }</ol>
        },
    }
}

fn inline(i: &Inline) -> Html {
    match i {
        Inline::Text(text) => {
            let mut lines = text.split('\n');
            let first = lines.next().unwrap_or_default().to_owned();
            html! { <>{ first }{ for lines.map(|line| html! { <><br />{ line.to_owned() }</> }) }</> }
        }
        Inline::Emphasis(children) => html! { <em>{ for children.iter().map(inline) }</em> },
        Inline::Strong(children) => html! { <strong>{ for children.iter().map(inline) }</strong> },
        Inline::Link { href, children } => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ for children.iter().map(inline) }</a>
        },
    }
}
