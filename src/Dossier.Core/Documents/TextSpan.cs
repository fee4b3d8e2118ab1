namespace Dossier.Core.Documents;

/// <summary>A range of characters, end-exclusive: <c>text[Start..End]</c>.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public override string ToString() => $"{Start}..{End}";
}
