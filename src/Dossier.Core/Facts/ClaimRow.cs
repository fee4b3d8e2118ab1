using Dossier.Core.Documents;

namespace Dossier.Core.Facts;

/// <summary>A claim as listed: who says what, where, and the entities of its speaker and of whom the speaker speaks for.</summary>
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
    int ContentEnd);

/// <summary>
/// Which claims to list: by a speaker (an entity, or words of a described source), about an entity;
/// <see cref="Limit"/> rows from <see cref="Offset"/> on, in publication order.
/// </summary>
public sealed record ClaimFilter(string? SpeakerEntityId = null, string? SpeakerText = null, string? AboutEntityId = null, int Limit = 100, int Offset = 0);
