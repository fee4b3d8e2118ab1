namespace Dossier.Core.Documents;

/// <summary>
/// One article as read, before cleaning: its decoded source text (plain text or HTML) and whatever
/// metadata the container declared (JSON fields, feed item elements).
/// </summary>
public sealed record RawDocument(DocumentOrigin Origin, string SourceText, bool SourceIsHtml, ArticleMetadata Declared);
