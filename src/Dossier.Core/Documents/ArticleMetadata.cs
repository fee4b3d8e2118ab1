namespace Dossier.Core.Documents;

/// <summary>
/// What is known about an article besides its text. Each field is null when neither the input
/// declared it nor the cleaner found it; nothing is guessed from the file name.
/// </summary>
public sealed record ArticleMetadata
{
    public static readonly ArticleMetadata Empty = new();

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Author { get; init; }

    public string? Url { get; init; }

    public PublicationDate? Published { get; init; }

    /// <summary>Fields given by the input win over fields the cleaner found in the text.</summary>
    public ArticleMetadata OverriddenBy(ArticleMetadata declared) => new()
    {
        Title = declared.Title ?? Title,
        Outlet = declared.Outlet ?? Outlet,
        Author = declared.Author ?? Author,
        Url = declared.Url ?? Url,
        Published = declared.Published ?? Published,
    };
}
