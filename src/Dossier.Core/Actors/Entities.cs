using Dossier.Core.Documents;

namespace Dossier.Core.Actors;

/// <summary>One article's actor as the store holds it, with the spellings its mentions use there.</summary>
/// <remarks>
/// <see cref="KindFromRecognizerOnly"/>: no word in the name decided its kind, only the recognizer's type.
/// <see cref="Descriptions"/>: the descriptions that stand for it there ("the internationally recognized government"), if any.
/// </remarks>
public sealed record StoredChain(long ArticleSeq, ArticleId ArticleId, int Chain, string Name, ActorKind Kind, IReadOnlyList<string> Spellings, IReadOnlyList<string> Acronyms, int Mentions, bool KindFromRecognizerOnly = false, IReadOnlyList<string>? Descriptions = null);

/// <summary>A tie one article states between two of its actors: <paramref name="SourceChain"/> leads <paramref name="TargetChain"/>, say.</summary>
public readonly record struct ChainTie(long ArticleSeq, int SourceChain, int TargetChain);

/// <summary>Why one article's actor belongs to its entity: the rule, its score, and the names that matched.</summary>
public sealed record ChainLink(long ArticleSeq, int Chain, string Rule, double Score, string Detail);

/// <summary>One real-world actor across all articles, as linking (and the analyst's overrides) decided.</summary>
public sealed record ResolvedEntity(string Id, string Name, ActorKind Kind, string KindReason, IReadOnlyList<ChainLink> Members);

/// <summary>A line of <c>dossier actors</c>.</summary>
public sealed record EntitySummary(string Id, string Name, ActorKind Kind, int Mentions, int Articles, IReadOnlyList<SpellingCount> Spellings);

public sealed record SpellingCount(string Text, int Count);

/// <summary>One article's part of an entity: where, under which name, and why it was joined.</summary>
public sealed record EntityAppearance(ArticleId ArticleId, string? Title, string? Outlet, string OriginPath, string ChainName, int Mentions, string Rule, double Score, string Detail);

/// <summary>Everything <c>dossier show</c> prints about one entity.</summary>
public sealed record EntityDetail(EntitySummary Summary, string KindReason, IReadOnlyList<SpellingReason> Names, IReadOnlyList<EntityAppearance> Appearances, IReadOnlyList<string> Overrides)
{
    /// <summary>How many appearances the actor has in all, of which <see cref="Appearances"/> holds the first ones asked for.</summary>
    public int AppearanceCount { get; init; } = Appearances.Count;
}

/// <summary>One spelling of an entity, how often it is used, and why its first use joined its article's actor.</summary>
public sealed record SpellingReason(string Text, int Count, MentionForm Form, string Reason, ArticleId FirstArticle);

/// <summary>A mention as the actor evaluation reads it: the article's file, the text, and its entity.</summary>
public sealed record EntityMentionRow(string OriginPath, string Text, MentionForm Form, string EntityId);

public enum OverrideAction
{
    Merge,
    Split,
    Rename,
    Kind,
}

/// <summary>
/// An analyst's correction, stored and applied again after every linking, in the order made. Its
/// subject and arguments are names (any spelling), so it survives re-ingests that renumber entities.
/// </summary>
public sealed record ActorOverride(long Seq, OverrideAction Action, string Subject, IReadOnlyList<string> Arguments, DateTimeOffset CreatedAt);
