namespace Dossier.Core.Facts;

/// <summary>How a claim is put in the text.</summary>
public enum ClaimForm
{
    /// <summary>Words in quotation marks with their speaker: “We have won”, he added.</summary>
    DirectQuote,

    /// <summary>Reported speech: X said that ..., X denied ..., X claims ....</summary>
    IndirectSpeech,

    /// <summary>"according to X", "as per X sources".</summary>
    AccordingTo,
}

/// <summary>What the text commits to. Dossier never turns a claim into a truth: it records how it was put.</summary>
public enum Modality
{
    /// <summary>The outlet says it in its own voice.</summary>
    Asserted,

    /// <summary>Someone said it: said, told, added, announced, reported.</summary>
    Reported,

    /// <summary>Someone claimed or alleged it, or accused someone of it.</summary>
    Alleged,
    Denied,

    /// <summary>Hedged: reportedly, allegedly, it is unlikely, may have.</summary>
    Hedged,
}

/// <summary>
/// One claim: who says (an actor of the article, or a described source such as "LNA sources"),
/// the cue word, what is said (a span of the clean text), and how it is put. Every offset points
/// into the article's clean text, so the evidence can always be shown in its sentence.
/// </summary>
public sealed record Claim(
    int SentenceStart,
    int SentenceEnd,
    int ContentStart,
    int ContentEnd,
    int CueStart,
    int CueEnd,
    ClaimForm Form,
    Modality Modality,
    int SpeakerStart,
    int SpeakerEnd,
    int? SpeakerChain,
    int? AffiliationChain);
