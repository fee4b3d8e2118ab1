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

/// <summary>
/// A dependency parse, one entry per token of the document: <c>Heads[i]</c> is the document-wide
/// index of token <c>i</c>'s head, or -1 when <c>i</c> is the root of its sentence (or a token the
/// parser was not asked to read: see <see cref="Parsed"/>); <c>Relations[i]</c> is its Universal
/// Dependencies relation to that head ("nsubj", "obj", "nmod:poss", "root"...). A head is always in
/// the same sentence as its dependent.
/// </summary>
public sealed record DependencyLayer(int[] Heads, string[] Relations, bool[] Parsed)
{
    /// <summary>The tokens whose head is <paramref name="token"/>, in text order.</summary>
    public IEnumerable<int> Dependents(int token, Sentence sentence)
    {
        for (var i = sentence.TokenStart; i < sentence.TokenEnd; i++)
        {
            if (Heads[i] == token)
            {
                yield return i;
            }
        }
    }
}
