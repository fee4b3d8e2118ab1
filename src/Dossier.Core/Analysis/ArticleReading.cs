using Dossier.Core.Actors;
using Dossier.Core.Documents;

namespace Dossier.Core.Analysis;

/// <summary>A mention of an entity in an article's clean text, with the entity it was joined to.</summary>
public readonly record struct EntityMentionSpan(int Start, int End, MentionForm Form, string EntityId, string EntityName, ActorKind Kind);

/// <summary>
/// One article as the analyses read it: where it came from (outlet, date, the original it copies),
/// its clean text, the entities mentioned in it in text order, and the syndication notices the cleaner
/// removed ("The post ... appeared first on ..."), which say where a copy came from.
/// </summary>
public sealed record ArticleReading(
    ArticleId Id,
    string? Title,
    string? Outlet,
    string? Published,
    ArticleId? CopyOf,
    int WordCount,
    string Text,
    IReadOnlyList<EntityMentionSpan> Mentions,
    IReadOnlyList<string> SyndicationNotices);
