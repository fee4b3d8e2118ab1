namespace Dossier.Core.Documents;

/// <summary>
/// The typed layers a <see cref="Document"/> can carry. A stage declares which it requires and which
/// it produces, and the pipeline builder checks the order before any document flows.
/// </summary>
public enum DocumentLayer
{
    CleanText,
    Metadata,
    Tokens,
    Sentences,
    PartsOfSpeech,
    EntityMentions,

    /// <summary>A dependency parse: each token's head and its relation to it (Universal Dependencies labels).</summary>
    Dependencies,

    /// <summary>The actors of one article: its mentions grouped into chains, before cross-article linking.</summary>
    ArticleActors,

    /// <summary>Reported speech: who says what, with the cue and modality.</summary>
    Claims,

    /// <summary>Events as each sentence reports them: type, date, place, actors, counts.</summary>
    Events,

    /// <summary>Ties between the article's actors: leads, supports, fights, controls ...</summary>
    Relations,
}
