namespace Dossier.Core.Documents;

/// <summary>Why the cleaner left a part of the input out of the article body.</summary>
public enum RemovalReason
{
    /// <summary>Site navigation, search prompts, share bars, "Connect with us".</summary>
    SiteChrome,

    /// <summary>The title printed again, or glued to the first paragraph.</summary>
    RepeatedTitle,

    /// <summary>A date, time or byline line that was read into the metadata.</summary>
    MetadataLine,

    /// <summary>A reader comment section: its heading, the comments, votes and timestamps.</summary>
    Comments,

    /// <summary>Comment rules, licence and copyright text.</summary>
    PolicyText,

    /// <summary>"You may also like", "Related Articles" and the unrelated stories under them.</summary>
    Teaser,

    /// <summary>"About Author" and the author's biography.</summary>
    AuthorBio,

    /// <summary>"The post ... appeared first on ..." and similar syndication notices.</summary>
    SyndicationNotice,

    /// <summary>Scripts, styles, forms and other markup that is not text.</summary>
    Markup,

    /// <summary>
    /// Sentences inside markup a browser never shows as text (a script, a template, a form): left out
    /// like the rest of that markup, but reported at ingest, because it may be article text that a
    /// broken page hid there.
    /// </summary>
    HiddenText,
}

/// <summary>
/// A range of the source text that is not in the article body, with the reason and the rule that
/// removed it, so a user can check the cleaner's work. Offsets are into <see cref="RawDocument.SourceText"/>.
/// </summary>
public sealed record RemovedRange(int Start, int End, RemovalReason Reason, string Rule, string Preview);
