using Dossier.Core.Documents;

namespace Dossier.Core.Facts;

/// <summary>
/// A claim as listed: who says what, where, and the entities of its speaker and of whom the speaker
/// speaks for. <see cref="CopiedBy"/> names the outlets of syndicated copies of its article that carry
/// the same words: each is another report of this claim, never a claim of its own.
/// </summary>
public sealed record ClaimRow(
    ArticleId ArticleId,
    string? Title,
    string? Outlet,
    string? Published,
    ClaimForm Form,
    Modality Modality,
    string Cue,
    string SpeakerText,
    string? SpeakerEntityId,
    string? SpeakerName,
    string? AffiliationEntityId,
    string? AffiliationName,
    string Content,
    string Sentence,
    int ContentStart,
    int ContentEnd,
    IReadOnlyList<string> CopiedBy);

/// <summary>
/// Which claims to list: by a speaker (an entity, or words of a described source), about an entity;
/// <see cref="Limit"/> rows from <see cref="Offset"/> on, in publication order.
/// </summary>
public sealed record ClaimFilter(string? SpeakerEntityId = null, string? SpeakerText = null, string? AboutEntityId = null, int Limit = 100, int Offset = 0);

/// <summary>
/// Where a claim is stored (its article's number in the store and its place among the article's
/// claims) and the entities it involves: its speaker's, the speaker's affiliation's, and those of
/// the actors named in what it says. A server keeps these for every claim and pages over them.
/// </summary>
public sealed record ClaimKey(long ArticleSeq, int Ordinal, string? SpeakerEntityId, string? AffiliationEntityId, IReadOnlyList<string> AboutEntityIds);
