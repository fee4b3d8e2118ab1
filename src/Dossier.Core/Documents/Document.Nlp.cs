using Dossier.Core.Actors;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Facts;

namespace Dossier.Core.Documents;

/// <summary>The NLP layers: each set once, by the stage that produces it.</summary>
public sealed partial class Document
{
    public IReadOnlyList<Token>? Tokens { get; private set; }

    public IReadOnlyList<Sentence>? Sentences { get; private set; }

    public PartOfSpeechLayer? PartsOfSpeech { get; private set; }

    public IReadOnlyList<EntityMention>? Mentions { get; private set; }

    public void SetTokens(IReadOnlyList<Token> tokens)
    {
        MarkProduced(DocumentLayer.Tokens);
        Tokens = tokens;
    }

    public void SetSentences(IReadOnlyList<Sentence> sentences)
    {
        MarkProduced(DocumentLayer.Sentences);
        Sentences = sentences;
    }

    public void SetPartsOfSpeech(PartOfSpeechLayer tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        if (Tokens is null || tags.Universal.Length != Tokens.Count)
        {
            throw new InvalidOperationException("part-of-speech tags need one tag per token");
        }

        MarkProduced(DocumentLayer.PartsOfSpeech);
        PartsOfSpeech = tags;
    }

    public void SetMentions(IReadOnlyList<EntityMention> mentions)
    {
        MarkProduced(DocumentLayer.EntityMentions);
        Mentions = mentions;
    }

    public DependencyLayer? Dependencies { get; private set; }

    public void SetDependencies(DependencyLayer dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        if (Tokens is null || dependencies.Heads.Length != Tokens.Count || dependencies.Relations.Length != Tokens.Count
            || dependencies.Parsed.Length != Tokens.Count)
        {
            throw new InvalidOperationException("a dependency parse needs one head and one relation per token");
        }

        MarkProduced(DocumentLayer.Dependencies);
        Dependencies = dependencies;
    }

    public IReadOnlyList<ArticleActor>? Actors { get; private set; }

    /// <summary>The version of the linker that made <see cref="Actors"/>, stored so a changed linker redoes them.</summary>
    public string? ActorsVersion { get; private set; }

    public void SetActors(IReadOnlyList<ArticleActor> actors, string version)
    {
        MarkProduced(DocumentLayer.ArticleActors);
        Actors = actors;
        ActorsVersion = version;
    }

    public IReadOnlyList<Claim>? Claims { get; private set; }

    public void SetClaims(IReadOnlyList<Claim> claims)
    {
        MarkProduced(DocumentLayer.Claims);
        Claims = claims;
    }

    public IReadOnlyList<ReportedEvent>? Events { get; private set; }

    public void SetEvents(IReadOnlyList<ReportedEvent> events)
    {
        MarkProduced(DocumentLayer.Events);
        Events = events;
    }

    public IReadOnlyList<Relation>? Relations { get; private set; }

    public void SetRelations(IReadOnlyList<Relation> relations)
    {
        MarkProduced(DocumentLayer.Relations);
        Relations = relations;
    }

    /// <summary>The text of a token.</summary>
    public string TextOf(Token token) => Text[token.Start..token.End];
}
