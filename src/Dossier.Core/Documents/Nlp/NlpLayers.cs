namespace Dossier.Core.Documents.Nlp;

/// <summary>A token: <c>Text[Start..End]</c>, end-exclusive, never empty.</summary>
public readonly record struct Token(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>A sentence: tokens <c>TokenStart..TokenEnd</c> (end-exclusive) covering <c>Start..End</c> of the text.</summary>
public readonly record struct Sentence(int TokenStart, int TokenEnd, int Start, int End);

/// <summary>Part-of-speech tags, one per token: universal (UPOS) and Penn Treebank (XPOS).</summary>
public sealed record PartOfSpeechLayer(string[] Universal, string[] Penn);

/// <summary>
/// A named-entity mention: tokens <c>TokenStart..TokenEnd</c>, characters <c>Start..End</c>, and its
/// type (PER, ORG, LOC, MISC). Its resolved entity is stored apart: linking never rewrites a mention.
/// </summary>
public readonly record struct EntityMention(int TokenStart, int TokenEnd, int Start, int End, string Type);
