using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Documents.Nlp;
using Dossier.Core.Facts;
using Dossier.Core.Pipeline;
using Dossier.Facts.Syntax;

namespace Dossier.Facts.Relations;

/// <summary>
/// Finds ties between actors with patterns over the sentence in which each actor mention is
/// replaced by a placeholder: "⟦A⟧ under the command of ⟦B⟧" (B leads A), "⟦A⟧, a spokesman for
/// ⟦B⟧", "⟦A⟧-backed ⟦B⟧", "forces loyal to ⟦A⟧", "⟦A⟧ controls ⟦P⟧", "designated by ⟦A⟧ as
/// terrorist". Attacks come from the events: who attacked whom. A tie inside a claim keeps the claim.
/// </summary>
public sealed partial class RelationExtractor : IDocumentStage
{
    public string Name => "relation-extractor";

    public string Version => "6; " + SyntacticTies.Version;

    private static readonly SyntacticTies SyntacticTies = new();

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Dependencies, DocumentLayer.Sentences, DocumentLayer.ArticleActors, DocumentLayer.Claims, DocumentLayer.Events };

    public IReadOnlySet<DocumentLayer> Produces { get; } = new HashSet<DocumentLayer> { DocumentLayer.Relations };

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetRelations(Extract(document));
    }

    private const string Slot = @"⟦(\d+)⟧";

    // "the Libyan National Army (LNA) under the command of": an acronym in parentheses after a name is skipped.
    private const string Named = Slot + @"(?:\s*\(⟦\d+⟧\))?";

    // A mention that is the object of a preposition ("the brigade of the ⟦LNA⟧", "an effort at the
    // ⟦UN⟧") is not what a following participle ("under the command of", "backed by") describes.
    private static readonly Regex ObjectOfPreposition = ObjectOfPrepositionPattern();

    // "⟦Haftar⟧’s troops", "the ⟦GNA⟧’s armed forces": the forces act for the named actor.
    private const string ForcesOf = @"(?:(?:’s|'s)\s+(?:\w+\s+)?(?:troops|forces|fighters|units|militants|men|detachments))?";

    // A title between a cue and a name: "fight against General ⟦Haftar⟧".
    private const string Title = @"(?:(?:General|Gen\.|Field\s+Marshall?|Marshal|Prime\s+Minister|President|Mr\.)\s+)?";

    private static Regex ObjectOfPrepositionPattern() => new(@"\b(?:of|at|in|on|to|before|from)\s+(?:the\s+)?$", Options);

    /// <summary>
    /// A pattern, the kind it states, whether its first slot is the source (else the target), words
    /// of which it needs one (any case): a sentence with none of them is not searched with it, which
    /// spares most sentences most of the patterns; and whether its first mention must not follow a
    /// preposition.
    /// </summary>
    private static readonly (Regex Pattern, RelationKind Kind, bool FirstIsSource, string[] Cues, bool NotAfterPreposition)[] Patterns =
    [
        (new Regex(Named + @",?\s+(?:\w+\s+){0,2}?(?:led|commanded|headed|run)\s+by\s+(?:\w+\s+){0,3}?" + Slot, Options), RelationKind.Leads, false, ["led", "commanded", "headed", "run"], false),
        // Not "the 12 Brigade of the ⟦LNA⟧ under the command of ⟦B⟧": the unit commanded is the brigade.
        (new Regex(Named + @"\s+under\s+the\s+command\s+of\s+(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Leads, false, ["command"], true),
        (new Regex(Named + @",?\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?(?:commander|leader|head|chief|commander-in-chief)\s+(?:in|of)\s+(?:the\s+)?" + Slot, Options), RelationKind.Leads, true, ["commander", "leader", "head", "chief"], false),
        // A founder is a member: "⟦X⟧, the founder of ⟦Y⟧", "the founder of ⟦Y⟧ ⟦X⟧".
        (new Regex(Named + @",?\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:founder|co-founder|founding\s+member)\s+of\s+(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true, ["founder", "founding"], false),
        (new Regex(@"(?:founder|co-founder)\s+of\s+(?:the\s+)?[“""]?" + Named + @"[”""]?,?\s+" + Slot, Options), RelationKind.MemberOf, false, ["founder"], false),
        // "⟦the group⟧’s former emir ⟦X⟧", "⟦the militia⟧’s senior sharia official ⟦Y⟧".
        (new Regex(Named + @"(?:’s|'s|’|')\s+(?:[\w-]+\s+){0,2}?(?:emir|leader|commander|commander-in-chief|chief|head|chairman)\s*,?\s+" + Title + Slot, Options), RelationKind.Leads, false, ["emir", "leader", "commander", "chief", "head", "chairman"], false),
        (new Regex(Named + @"(?:’s|'s|’|')\s+(?:[\w-]+\s+){0,2}?(?:official|member|ideologist|officer|minister|fighter)\s*,?\s+" + Slot, Options), RelationKind.MemberOf, false, ["official", "member", "ideologist", "officer", "minister", "fighter"], false),
        // "⟦Ziyad Balaam⟧ had been heading the gang formation of the “⟦Benghazi Defense Brigade⟧”".
        (new Regex(Named + @"\s+(?:has\s+|had\s+|was\s+)?(?:been\s+)?heading\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:the\s+)?[“""]?" + Slot, Options), RelationKind.Leads, true, ["heading"], false),
        // "the GNA of Prime Minister ⟦Fayez al-Sarraj⟧".
        (new Regex(Named + @"\s+of\s+(?:Prime\s+Minister|President|Gen\.?|General|Field\s+Marshall?|Marshal|Commander|Chairman)\s+" + Slot, Options), RelationKind.Leads, false, ["minister", "president", "gen", "marshal", "commander", "chairman"], false),
        // "The leader of the ⟦Omar Mukhtar Brigade⟧, ⟦Ziyad Balaam⟧"; "the group's former emir ⟦X⟧" is left to the possessive.
        (new Regex(@"(?:leader|head|chief|commander|commander-in-chief|emir|chairman)\s+of\s+(?:the\s+)?[“""]?" + Named + @"[”""]?(?:\s+forces)?,?\s+" + Slot, Options), RelationKind.Leads, false, ["leader", "head", "chief", "commander", "emir", "chairman"], false),
        (new Regex(Named + @",?\s+(?:who\s+)?(?:heads|headed|leads|led|commands|commanded)\s+(?:the\s+)?" + Slot, Options), RelationKind.Leads, true, ["heads", "headed", "leads", "led", "commands", "commanded"], false),
        // A relative clause without its pronoun: "the ⟦government of national unity⟧ ⟦he⟧ headed", "the forces ⟦Haftar⟧ commands".
        (new Regex(Named + @"\s+(?:that\s+|which\s+)?" + Slot + @"\s+(?:has\s+|had\s+)?(?:heads|headed|leads|led|commands|commanded|chairs|chaired)\b", Options), RelationKind.Leads, false, ["heads", "headed", "leads", "led", "commands", "commanded", "chairs", "chaired"], false),
        (new Regex(Named + @"’s\s+" + Slot, Options), RelationKind.Leads, true, ["’s"], false),
        (new Regex(Named + @"'s\s+" + Slot, Options), RelationKind.Leads, true, ["'s"], false),
        (new Regex(Named + @",?\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?" + Slot, Options), RelationKind.SpokespersonOf, true, ["spokes", "representative"], false),
        // "the official representative of the ⟦LNA⟧, ⟦Ahmed Mismari⟧".
        (new Regex(@"(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?" + Named + @",\s+" + Slot, Options), RelationKind.SpokespersonOf, false, ["spokes", "representative"], false),
        (new Regex(Named + @"(?:’s|'s)?\s+(?:\w+\s+)?(?:spokes(?:man|woman|person)|representative),?\s+" + Slot, Options), RelationKind.SpokespersonOf, false, ["spokes", "representative"], false),
        (new Regex(Named + @"\s+(?:belonged|belongs|belong)\s+to\s+(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true, ["belong"], false),
        // "⟦Fathi Bashaga⟧, the current Interior Minister of the ⟦GNA⟧", "⟦Ali Salabri⟧, a prominent figure of the ⟦Muslim Brotherhood⟧".
        (new Regex(Named + @",\s+(?:a|an|the)\s+(?:\w+\s+){0,3}?(?:minister|official|member|officer|figure|ideologist|fighter)\s+(?:of|in|from)\s+(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true, ["minister", "official", "member", "officer", "figure", "ideologist", "fighter"], false),
        (new Regex(Named + @",?\s+to\s+which\s+" + Slot + @"\s+belonged", Options), RelationKind.MemberOf, false, ["belonged"], false),
        // "The group, to which ⟦Ziyad Balaam⟧ belonged – ⟦Ansar al-Sharia⟧ –".
        (new Regex(@"to\s+which\s+" + Slot + @"\s+belonged\s*[–—-]\s*(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true, ["belonged"], false),
        (new Regex(Named + @"\s+joined\s+(?:the\s+ranks\s+of\s+)?(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true, ["joined"], false),
        (new Regex(Named + @"(?:’s|'s)?\s+(?:main\s+|key\s+|closest\s+)?(?:ally|allies)\s+(?:\w+\s+){0,1}?" + Slot, Options), RelationKind.AlliedWith, true, ["ally", "allies"], false),
        (new Regex(Named + @"\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:allied|aligned)\s+(?:with|to)\s+(?:the\s+)?" + Slot, Options), RelationKind.AlliedWith, true, ["allied", "aligned"], false),
        (new Regex(Named + @"\s+(?:has\s+|had\s+|have\s+)?(?:been\s+)?(?:closely\s+)?(?:collaborating|cooperating|collaborated|cooperated)\s+(?:closely\s+)?with\s+(?:the\s+)?" + Slot, Options), RelationKind.AlliedWith, true, ["collaborat", "cooperat"], false),
        // "the main allies of ⟦Haftar⟧ ⟦Egypt⟧ and ⟦the United Arab Emirates⟧".
        (new Regex(@"allies\s+of\s+" + Named + @",?\s+(?:are\s+|were\s+|include\s+)?(?:the\s+)?" + Slot, Options), RelationKind.AlliedWith, true, ["allies"], false),
        (new Regex(Named + @"-backed\s+(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Supports, true, ["-backed"], false),
        // Not "an effort at the ⟦United Nations Security Council⟧ backed by ⟦France⟧": what is backed is the effort.
        (new Regex(Named + @"\s+(?:is\s+|are\s+|was\s+|were\s+|been\s+)?(?:backed|supported|armed|funded|financed|sponsored)\s+by\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, false, ["backed", "supported", "armed", "funded", "financed", "sponsored"], true),
        (new Regex(Named + @"\s+(?:backs|backed|supports|supported|arms|armed|funds|funded|finances|financed)\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, true, ["backs", "backed", "supports", "supported", "arms", "armed", "funds", "funded", "finances", "financed"], false),
        (new Regex(Named + @",?\s+(?:\w+\s+){0,3}?loyal\s+to\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, true, ["loyal"], false),
        // "the ⟦LNA⟧, which has seized most of Libya with the help of ⟦Russia⟧, ⟦France⟧ ...".
        (new Regex(Named + @",?\s+(?:which|who)\s+[^.]{0,60}?with\s+the\s+(?:help|support|backing)\s+of\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, false, ["help", "support", "backing"], false),
        // "⟦Haftar⟧ will face no pressure from backers including ⟦the UAE⟧ ..."; "Also supporting ⟦Haftar⟧: ⟦the UAE⟧ and ⟦Egypt⟧".
        (new Regex(Named + @"[^.⟦“”""]{0,40}?\bbackers\s+(?:including|such\s+as|like)\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, false, ["backers"], false),
        // "⟦Egypt⟧ is likely not ⟦Haftar⟧’s biggest Arab state backer"; "⟦Haftar⟧’s backers, ⟦the UAE⟧ and ⟦Egypt⟧".
        (new Regex(Named + @"\s+(?:is|was|are|were|remains?|remained)\s+(?:\w+\s+){0,3}?" + Named + @"(?:’s|'s)\s+(?:[\w-]+\s+){0,3}?(?:backer|supporter|sponsor|patron)", Options), RelationKind.Supports, true, ["backer", "supporter", "sponsor", "patron"], false),
        (new Regex(Named + @"(?:’s|'s)\s+(?:\w+\s+){0,2}?(?:backers|supporters|sponsors|patrons)\s*,?\s+(?:including\s+|such\s+as\s+)?(?:the\s+)?" + Slot, Options), RelationKind.Supports, false, ["backers", "supporters", "sponsors", "patrons"], false),
        // "⟦France⟧ sent special forces to fight ... in cooperation with Mr. ⟦Haftar⟧’s troops".
        (new Regex(Named + @"\s+(?:has\s+|have\s+|had\s+)?(?:sent|deployed|dispatched)\s+[^.]{0,100}?\bin\s+(?:cooperation|coordination)\s+with\s+(?:the\s+)?" + Title + Slot, Options), RelationKind.Supports, true, ["cooperation", "coordination"], false),
        // "⟦Turkey⟧ had proposed a salary ... for fighting on the side of ⟦the GNA⟧".
        (new Regex(Named + @"[^.⟦]{0,100}?\b(?:fight|fighting|fought|fights)\s+on\s+the\s+side\s+of\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, true, ["side of"], false),
        (new Regex(@"supporting\s+" + Named + @":\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, false, ["supporting"], false),
        (new Regex(Named + @"\s+(?:has\s+|have\s+|had\s+)?(?:been\s+)?(?:lending|providing|giving|offering)\s+(?:\w+\s+)?support\s+to\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, true, ["support"], false),
        (new Regex(Named + @"\s+(?:has\s+|have\s+|had\s+)?(?:deployed|sent|provided|supplied)\s+(?:\w+\s+){0,2}?(?:reinforcements|weapons|arms|troops|fighters|mercenaries|aid)\s+to\s+(?:the\s+)?(?:\w+\s+){0,4}?" + Slot, Options), RelationKind.Supports, true, ["deployed", "sent", "provided", "supplied"], false),
        (new Regex(Named + @"\s*[“”""]?\s*(?:has\s+|have\s+|had\s+)?received\s+(?:\w+\s+){0,2}?(?:reinforcements|weapons|arms|support|aid|help)\s+from\s+(?:[^⟦.,]{1,30},\s+)?(?:the\s+)?" + Slot, Options), RelationKind.Supports, false, ["received"], false),
        (new Regex(Named + ForcesOf + @"\s+(?:\w+\s+)?(?:to\s+)?(?:fights?|fought|fighting|opposes|is\s+opposed\s+to|are\s+opposed\s+to)\s+(?:against\s+)?(?:the\s+)?" + Title + Slot, Options), RelationKind.Opposes, true, ["fight", "fought", "oppose"], false),
        (new Regex(Named + @"(?:’s|'s)?\s+(?:enemies|opponents|rivals|foes)\s*,?\s+(?:the\s+)?" + Slot, Options), RelationKind.Opposes, true, ["enemies", "opponents", "rivals", "foes"], false),
        // "armed confrontation in the ⟦Jufra⟧ area between the ⟦LNA⟧ under the command of ⟦Haftar⟧, a coalition of ... consisting mainly of the ⟦Third Force⟧".
        (new Regex(@"(?:confrontation|clash|clashes|fighting|battle|battles|war|hostilities)\s+(?:in\s+[^.]{0,40}?\s+)?between\s+(?:the\s+)?" + Named + @"(?:\s+under\s+the\s+command\s+of\s+(?:\w+\s+)?⟦\d+⟧)?,?\s+(?:and\s+)?(?:(?:a|an)\s+(?:coalition|alliance|group)\s+of\s+[^⟦.]{0,80}?)?(?:the\s+)?" + Slot, Options), RelationKind.Opposes, true, ["between"], false),
        // "the ⟦LNA⟧ has cleared several areas in ⟦Libya⟧ from al-Qaeda and ⟦ISIS⟧".
        (new Regex(Named + @"\s+(?:has\s+|have\s+|had\s+)?(?:cleared|freed|purged)\s+[^.]{0,60}?\s+from\s+(?:[^⟦.,]{1,20}\s+and\s+)?(?:the\s+)?" + Slot, Options), RelationKind.Attacked, true, ["cleared", "freed", "purged"], false),
        // "jihadists from ⟦BOB⟧, who were forced out of the capital of Cyrenaica by ⟦LNA⟧".
        (new Regex(Named + @",?\s+(?:who\s+|which\s+)?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:forced|driven|pushed|expelled|ousted)\s+(?:out\s+)?(?:of|from)\s+[^.]{0,50}?\bby\s+(?:the\s+)?" + Slot, Options), RelationKind.Attacked, false, ["forced", "driven", "pushed", "expelled", "ousted"], false),
        // "the “⟦BDB⟧” attempted to repel the Oil Crescent from the ⟦LNA⟧"; "⟦Haftar⟧ launched the operation to take ⟦Tripoli⟧ from the ⟦GNA⟧".
        (new Regex(Named + @"[”""]?\s+(?:\w+\s+){0,2}?(?:attempted|tried|sought|moved|set\s+out)\s+to\s+(?:repel|recapture|retake|seize|capture|take|wrest)\s+[^.⟦]{0,40}?\bfrom\s+(?:the\s+)?(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Attacked, true, ["attempted", "tried", "sought", "moved", "set out"], false),
        (new Regex(Named + @"\s+(?:\w+\s+){0,2}?(?:launched|began|started|mounted)\s+[^.⟦]{0,40}?\bto\s+(?:take|seize|capture|wrest)\s+(?:control\s+of\s+)?(?:the\s+)?⟦\d+⟧\s+from\s+(?:the\s+)?(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Attacked, true, ["launched", "began", "started", "mounted"], false),
        (new Regex(@"\b(?:take|seize|capture|wrest|took|seized|captured|wrested)\s+(?:control\s+of\s+)?(?:the\s+)?" + Named + @"\s+from\s+(?:the\s+)?(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Controls, false, ["take", "seize", "capture", "wrest", "took"], false),
        (new Regex(Named + @"[^.⟦]{0,40}?\s+(?:is\s+|was\s+|are\s+|were\s+|remains?\s+|remained\s+|came\s+|fell\s+)?under\s+(?:the\s+)?control\s+of\s+(?:the\s+)?" + Slot, Options), RelationKind.Controls, false, ["control"], false),
        (new Regex(Named + ForcesOf + @"\s+(?:now\s+|still\s+)?(?:controls|controlled|holds|held|seized|captured|took\s+control\s+of|(?:managed\s+to\s+)?regain(?:ed)?\s+control\s+(?:of|over)|recaptured)\s+(?:not\s+only\s+)?(?:all\s+)?(?:the\s+)?(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Controls, true, ["controls", "controlled", "holds", "held", "seized", "captured", "took", "regain", "recaptured"], false),
        (new Regex(Named + @"[^.⟦]{0,60}?designated\s+by\s+(?:the\s+)?" + Slot + @"\s+as\s+[^.]{0,40}?(?:terror|militant|extremist|jihadi)", Options), RelationKind.DesignatedTerroristBy, true, ["designated"], false),
        (new Regex(Named + @"\s+(?:\w+\s+){0,2}?(?:designated|recognized|recognised|listed|declared)\s+(?:this\s+group|them|it|" + Slot + @")\s+as\s+(?:an?\s+)?(?:\w+\s+)?terror", Options), RelationKind.DesignatedTerroristBy, false, ["designated", "recognized", "recognised", "listed", "declared"], false),
        (new Regex(Named + @"-based\s+(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.BasedIn, false, ["-based"], false),
        (new Regex(Named + @",?\s+(?:is\s+|are\s+|was\s+)?(?:based|headquartered)\s+in\s+" + Slot, Options), RelationKind.BasedIn, true, ["based", "headquartered"], false),
    ];

    // Each pattern's cue words, searched for all at once (a vectorized multi-string search): most
    // sentences hold none of a pattern's cues, and this check runs for every pattern on every sentence.
    private static readonly SearchValues<string>[] CueSets = [.. Patterns.Select(p => SearchValues.Create(p.Cues, StringComparison.Ordinal))];

    // "the parliament in ⟦Tobruk⟧", "the interim government in ⟦Baida⟧": a government body named with
    // its town sits there (an armed group named with a town may only be fighting there).
    private static readonly Regex GovernmentSeat = new(Slot + @"\s+in\s+" + Slot, Options);

    // "the ⟦Third Force⟧ from ⟦Misrata⟧": an armed group from a town is based there, unless it was
    // driven from it ("drove ⟦the IS⟧ from ⟦Sirte⟧").
    private static readonly Regex FromTown = new(Slot + @"\s+from\s+" + Slot, Options);

    private static readonly Regex DrivenOut = new(@"\b(?:drove|driven|drive|drives|expel\w*|oust\w*|push\w*|forc\w*|clear\w*|withdr\w*|retreat\w*|fled|flee\w*|free\w*|liberat\w*|repel\w*|evict\w*|chas\w*|kick\w*|remov\w*|eject\w*)\s+(?:\w+\s+){0,3}?(?:the\s+)?$", Options);

    // "Having captured the airbases in ⟦Jufra⟧ and ⟦Tinkhamenta⟧, as well as ..., ⟦Haftar⟧ cut off ...":
    // the subject after the opening clause holds every place the clause says it took.
    private static readonly Regex HavingTaken = new(@"^\W*Having\s+(?:captured|seized|taken(?:\s+control\s+of)?|recaptured|retaken|occupied)\s+(?<taken>[^.]*?),\s+(?:the\s+)?" + Slot + @"(?!\s*(?:,|\(|and\b|or\b))", Options);

    // "the commander of the ⟦Third Force⟧": a description naming a role says whose role it is, so it
    // stays words for the patterns rather than a placeholder.
    private static readonly Regex RoleDescription = new(@"^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?(?<role>commander-in-chief|commander|leader|head|chief|emir|chairman|founder|spokesman|spokeswoman|spokesperson|representative)\b", Options);

    private static readonly Regex RoleOf = new(@"^\s+(?:of|for)\s+(?:the\s+)?[“""]?$", Options);

    // "⟦Haftar⟧ and ⟦his⟧ ⟦LNA⟧": the person leads the group named right after the possessive.
    private static readonly Regex PossessivePronoun = new(@"^(?:his|her)$", Options);

    // "⟦A⟧, ⟦B⟧ and ⟦C⟧": what joins a mention to the next one it is listed with.
    private static readonly Regex ListedWith = new(@"^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:(?:smaller|other|several|various|local|rival|allied|affiliated|foreign|radical|islamist|jihadist)\s+)?$", Options);

    // What a listed name may carry before the comma: its acronym, its town ("⟦Third Force⟧ from ⟦Misrata⟧, ⟦BDB⟧ ...").
    private static readonly Regex ListedAttachment = new(@"\G\s*(?:\(⟦(?<same>\d+)⟧\)|(?:from|of|in)\s+⟦(?<town>\d+)⟧)", Options);

    private static readonly string[] HeadTitles = ["president", "minister", "premier", "king", "emir", "chancellor", "prince", "sultan", "leader"];

    // "⟦U.S.⟧ President ⟦Donald Trump⟧", "⟦Egyptian⟧ President ⟦el-Sisi⟧": the head of a state.
    private static readonly Regex HeadOfState = new(Slot + @"\s+(?:President|Prime\s+Minister|Premier|King|Emir|Chancellor|Crown\s+Prince|Sultan|leader)\s+" + Slot, Options);

    // Interpreted, not compiled: the compiled (and source-generated) engine threw an index out of
    // range on some sentences with these nested optional groups and lazy loops (the .NET bug
    // dotnet/runtime#129511); the cue words keep the interpreter's extra cost small.
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public IReadOnlyList<Relation> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var actors = document.Actors!;
        var mentions = actors
            .SelectMany(a => a.Mentions.Select(m => new Placed(m.Start, m.End, a.Chain, a.Kind, m.Form)))
            .OrderBy(m => m.Start)
            .ToList();
        var claims = document.Claims ?? [];
        var relations = new List<Relation>();
        foreach (var sentence in document.Sentences!)
        {
            var inSentence = StartingIn(mentions, sentence.Start, sentence.End).Where(m => m.End <= sentence.End).ToList();
            if (inSentence.Count < 2)
            {
                continue;
            }

            var (masked, map) = Mask(text, sentence.Start, sentence.End, inSentence, m => m.Form == MentionForm.Description && RoleDescription.IsMatch(text.AsSpan(m.Start, m.End - m.Start)));
            var lower = masked.ToLowerInvariant();
            for (var p = 0; p < Patterns.Length; p++)
            {
                var (pattern, kind, firstIsSource, _, notAfterPreposition) = Patterns[p];
                if (!lower.AsSpan().ContainsAny(CueSets[p]))
                {
                    continue;
                }

                foreach (Match match in pattern.Matches(masked))
                {
                    if (notAfterPreposition && ObjectOfPreposition.IsMatch(masked.AsSpan(0, match.Index)))
                    {
                        continue;
                    }

                    var slots = match.Groups.Cast<Group>().Skip(1).Where(g => g.Success).ToList();
                    var cueStart = map(match.Index);
                    var cueEnd = map(match.Index + match.Length);
                    var claim = ClaimAt(claims, cueStart, cueEnd);
                    if (slots.Count == 1 && kind == RelationKind.DesignatedTerroristBy)
                    {
                        // "⟦Turkey⟧ officially recognized this group as terrorists": the group is the one last named.
                        var designator = inSentence[int.Parse(slots[0].Value, System.Globalization.CultureInfo.InvariantCulture)];
                        if (GroupNamedBefore(mentions, document.Sentences!, sentence) is { } group && group.Chain != designator.Chain && designator.Kind != ActorKind.Person)
                        {
                            Add(relations, new Relation(kind, group.Chain, designator.Chain, sentence.Start, sentence.End, cueStart, cueEnd, claim));
                        }

                        continue;
                    }

                    if (slots.Count < 2)
                    {
                        continue;
                    }

                    var first = inSentence[int.Parse(slots[0].Value, System.Globalization.CultureInfo.InvariantCulture)];
                    var second = inSentence[int.Parse(slots[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
                    if (first.Chain == second.Chain)
                    {
                        continue;
                    }

                    // Each slot stands for every mention listed with it: "⟦A⟧ and ⟦B⟧ backed ⟦C⟧ and ⟦D⟧".
                    var firstIndex = int.Parse(slots[0].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var secondIndex = int.Parse(slots[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    foreach (var one in ListedBefore(masked, inSentence, firstIndex))
                    {
                        foreach (var other in ListedFrom(masked, inSentence, secondIndex))
                        {
                            var (source, target) = firstIsSource ? (one, other) : (other, one);

                            // "the ⟦Presidential Council⟧, who heads ⟦Faiz Saraj⟧": a body does not lead a person.
                            if (kind == RelationKind.Leads && !Fits(kind, source.Kind, target.Kind) && Fits(kind, target.Kind, source.Kind))
                            {
                                (source, target) = (target, source);
                            }

                            if (source.Chain != target.Chain && Fits(kind, source.Kind, target.Kind))
                            {
                                Add(relations, new Relation(kind, source.Chain, target.Chain, sentence.Start, sentence.End, cueStart, cueEnd, claim));
                            }
                        }
                    }
                }
            }

            AddStructuralTies(document, sentence, inSentence, masked, lower, map, claims, relations);

            var seats = lower.Contains("⟧ in ⟦", StringComparison.Ordinal) ? GovernmentSeat.Matches(masked) : null;
            foreach (Match match in seats ?? (IEnumerable<Match>)[])
            {
                var body = inSentence[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
                var town = inSentence[int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
                if (body.Kind == ActorKind.Government && town.Kind == ActorKind.Place && body.Chain != town.Chain)
                {
                    var cueStart = map(match.Index);
                    var cueEnd = map(match.Index + match.Length);
                    Add(relations, new Relation(RelationKind.BasedIn, body.Chain, town.Chain, sentence.Start, sentence.End, cueStart, cueEnd, ClaimAt(claims, cueStart, cueEnd)));
                }
            }
        }

        if (document.Dependencies is not null)
        {
            var syntax = new DocumentSyntax(document);
            foreach (var sentence in document.Sentences!)
            {
                foreach (var tie in SyntacticTies.Find(syntax, sentence.TokenStart, sentence.TokenEnd))
                {
                    var cue = syntax.Tokens[tie.CueToken];
                    Add(relations, new Relation(tie.Kind, tie.Source, tie.Target, sentence.Start, sentence.End, cue.Start, cue.End, ClaimAt(claims, cue.Start, cue.End)));
                }
            }
        }

        // Who attacked whom, from the events.
        // (Ties that need more than one pattern can say are found first, per sentence.)
        foreach (var item in document.Events ?? [])
        {
            // Who took a place holds it: "Having captured the airbases in Jufra, Haftar ...".
            if (item.Type == EventType.Capture && item.PlaceChain is { } taken && actors[taken].Kind is ActorKind.Place or ActorKind.Facility)
            {
                foreach (var holder in item.Agents.Where(a => a != taken && actors[a].Kind is not (ActorKind.Place or ActorKind.Facility or ActorKind.Media)))
                {
                    Add(relations, new Relation(RelationKind.Controls, holder, taken, item.SentenceStart, item.SentenceEnd, item.TriggerStart, item.TriggerEnd, item.Claim));
                }
            }

            // Only attacks: in "fighting between X and Y" the sides are not told apart.
            if (item.Type is not (EventType.Attack or EventType.AirstrikeOrShelling))
            {
                continue;
            }

            // The agent named nearest before the trigger attacked the target named nearest after it:
            // "militants of the GNA, along with Syrian mercenaries ..., attacked LNA positions".
            var agent = StartingIn(mentions, item.SentenceStart, item.TriggerStart).Where(m => item.Agents.Contains(m.Chain) && m.End <= item.TriggerStart)
                .Select(m => (int?)m.Chain).LastOrDefault();
            var target = StartingIn(mentions, item.TriggerEnd, item.SentenceEnd).Where(m => item.Targets.Contains(m.Chain) && m.End <= item.SentenceEnd
                                             && actors[m.Chain].Kind is not (ActorKind.Place or ActorKind.Facility))
                .Select(m => (int?)m.Chain).FirstOrDefault();
            if (agent is { } from && target is { } to && from != to && actors[from].Kind != ActorKind.State)
            {
                Add(relations, new Relation(RelationKind.Attacked, from, to, item.SentenceStart, item.SentenceEnd, item.TriggerStart, item.TriggerEnd, item.Claim));
            }
        }

        return relations;
    }

    /// <summary>
    /// Ties told by the shape of a sentence rather than a cue between two names: an armed group from a
    /// town, the places an opening "Having captured ..." clause gives to its subject, a role description
    /// holding the group it is a role in ("the commander-in-chief of the ⟦LNA⟧"), and a possessive
    /// pronoun before a group ("⟦Haftar⟧ and ⟦his⟧ ⟦LNA⟧") when the person is named earlier in the sentence.
    /// </summary>
    private static void AddStructuralTies(Document document, Sentence sentence, List<Placed> inSentence, string masked, string lower, Func<int, int> map,
        IReadOnlyList<Claim> claims, List<Relation> relations)
    {
        var text = document.Text;
        Placed At(Group group) => inSentence[int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture)];
        void Tie(RelationKind kind, Placed source, Placed target, int cueStart, int cueEnd)
        {
            if (source.Chain != target.Chain && Fits(kind, source.Kind, target.Kind))
            {
                Add(relations, new Relation(kind, source.Chain, target.Chain, sentence.Start, sentence.End, cueStart, cueEnd, ClaimAt(claims, cueStart, cueEnd)));
            }
        }

        // Each shape is looked for only where its word is: most sentences have none of them.
        var fromTown = lower.Contains("⟧ from ⟦", StringComparison.Ordinal) ? FromTown.Matches(masked) : null;
        foreach (Match match in fromTown ?? (IEnumerable<Match>)[])
        {
            var group = At(match.Groups[1]);
            var town = At(match.Groups[2]);
            if (group.Kind == ActorKind.ArmedGroup && town.Kind == ActorKind.Place && !DrivenOut.IsMatch(masked.AsSpan(0, match.Index)))
            {
                Tie(RelationKind.BasedIn, group, town, map(match.Index), map(match.Index + match.Length));
            }
        }

        var headOfState = HasAny(lower, HeadTitles) ? HeadOfState.Matches(masked) : null;
        foreach (Match match in headOfState ?? (IEnumerable<Match>)[])
        {
            var state = At(match.Groups[1]);
            var head = At(match.Groups[2]);
            if (state.Kind == ActorKind.State && head.Kind == ActorKind.Person)
            {
                var cueStart = map(match.Index);
                var cueEnd = map(match.Index + match.Length);
                Add(relations, new Relation(RelationKind.Leads, head.Chain, state.Chain, sentence.Start, sentence.End, cueStart, cueEnd, ClaimAt(claims, cueStart, cueEnd)));
            }
        }

        if (lower.Contains("having", StringComparison.Ordinal) && HavingTaken.Match(masked) is { Success: true } having)
        {
            var holder = At(having.Groups[1]); // named groups are numbered after the placeholder's
            var taken = having.Groups["taken"];
            if (holder.Kind is not (ActorKind.Place or ActorKind.Facility))
            {
                foreach (Match slot in SlotPattern().Matches(taken.Value))
                {
                    Tie(RelationKind.Controls, holder, At(slot.Groups[1]), map(having.Index), map(having.Index + having.Length));
                }
            }
        }

        foreach (var mention in inSentence)
        {
            if (mention.Form == MentionForm.Description && RoleDescription.Match(text, mention.Start, mention.End - mention.Start) is { Success: true } role
                && role.Index == mention.Start)
            {
                var kind = role.Groups["role"].Value.StartsWith("spokes", StringComparison.OrdinalIgnoreCase) || role.Groups["role"].Value.Equals("representative", StringComparison.OrdinalIgnoreCase)
                    ? RelationKind.SpokespersonOf
                    : role.Groups["role"].Value.Equals("founder", StringComparison.OrdinalIgnoreCase) ? RelationKind.MemberOf : RelationKind.Leads;
                foreach (var inside in inSentence.Where(m => m.Start >= role.Index + role.Length && m.End <= mention.End && m.Chain != mention.Chain))
                {
                    if (RoleOf.IsMatch(text.AsSpan(role.Index + role.Length, inside.Start - role.Index - role.Length)))
                    {
                        Tie(kind, mention, inside, mention.Start, mention.End);
                    }
                }
            }

            if (mention.Form == MentionForm.Pronoun && PossessivePronoun.IsMatch(text.AsSpan(mention.Start, mention.End - mention.Start))
                && inSentence.Any(m => m.Chain == mention.Chain && m.End <= mention.Start && m.Form != MentionForm.Pronoun)
                && inSentence.Where(m => m.Start >= mention.End).Select(m => (Placed?)m).FirstOrDefault() is { } group && group.Chain != mention.Chain
                && text.AsSpan(mention.End, group.Start - mention.End).Trim() is var gap && (gap.IsEmpty || gap.Equals("own", StringComparison.OrdinalIgnoreCase))
                && group.Kind is ActorKind.ArmedGroup or ActorKind.Government or ActorKind.Movement or ActorKind.Organization)
            {
                Tie(RelationKind.Leads, mention, group, mention.Start, group.End);
            }
        }
    }

    /// <summary>The armed group or movement named last before <paramref name="sentence"/>, within the two sentences before it.</summary>
    private static Placed? GroupNamedBefore(List<Placed> mentions, IReadOnlyList<Sentence> sentences, Sentence sentence)
    {
        var index = sentences.ToList().IndexOf(sentence);
        var from = sentences[Math.Max(0, index - 2)].Start;
        return StartingIn(mentions, from, sentence.Start).Where(m => m.End <= sentence.Start && m.Kind is ActorKind.ArmedGroup or ActorKind.Movement)
            .Select(m => (Placed?)m).LastOrDefault();
    }

    [GeneratedRegex(@"⟦(\d+)⟧")]
    private static partial Regex SlotPattern();

    /// <summary>The mention at <paramref name="index"/> and those listed after it ("⟦A⟧, ⟦B⟧ and ⟦C⟧").</summary>
    private static IEnumerable<Placed> ListedFrom(string masked, List<Placed> mentions, int index)
    {
        yield return mentions[index];
        var end = masked.IndexOf($"⟦{index}⟧", StringComparison.Ordinal);
        if (end < 0)
        {
            yield break;
        }

        end += $"⟦{index}⟧".Length;
        for (var next = index + 1; next < mentions.Count; next++)
        {
            // "(⟦its acronym⟧)" or "from ⟦its town⟧" after a listed name is not the next name on the list.
            while (ListedAttachment.Match(masked, end) is { Success: true } attachment && attachment.Index == end
                   && (attachment.Groups["town"].Success ? attachment.Groups["town"].Value : attachment.Groups["same"].Value) == next.ToString(System.Globalization.CultureInfo.InvariantCulture)
                   && (attachment.Groups["town"].Success ? mentions[next].Kind is ActorKind.Place : mentions[next].Chain == mentions[next - 1].Chain))
            {
                end = attachment.Index + attachment.Length;
                next++;
                if (next >= mentions.Count)
                {
                    yield break;
                }
            }

            var placeholder = $"⟦{next}⟧";
            var at = masked.IndexOf(placeholder, end, StringComparison.Ordinal);
            if (at < 0 || !ListedWith.IsMatch(masked[end..at]))
            {
                yield break;
            }

            yield return mentions[next];
            end = at + placeholder.Length;
        }
    }

    /// <summary>The mention at <paramref name="index"/> and those listed before it ("⟦A⟧ and ⟦B⟧ have ...").</summary>
    private static IEnumerable<Placed> ListedBefore(string masked, List<Placed> mentions, int index)
    {
        yield return mentions[index];
        var start = masked.IndexOf($"⟦{index}⟧", StringComparison.Ordinal);
        for (var previous = index - 1; previous >= 0 && start >= 0; previous--)
        {
            var placeholder = $"⟦{previous}⟧";
            var at = masked.LastIndexOf(placeholder, start, StringComparison.Ordinal);
            if (at < 0 || !ListedWith.IsMatch(masked[(at + placeholder.Length)..start]))
            {
                yield break;
            }

            yield return mentions[previous];
            start = at;
        }
    }

    /// <summary>Whether the lower-cased <paramref name="text"/> holds one of the (lower-case) <paramref name="words"/>.</summary>
    private static bool HasAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<Relation> relations, Relation relation)
    {
        if (!relations.Any(r => r.Kind == relation.Kind && r.Source == relation.Source && r.Target == relation.Target && r.SentenceStart == relation.SentenceStart))
        {
            relations.Add(relation);
        }
    }

    /// <summary>The kinds the two ends must have (as for ties from the parse); a pattern's leader is a person, and leads no state.</summary>
    private static bool Fits(RelationKind kind, ActorKind source, ActorKind target)
        => SyntacticTies.Fits(kind, source, target) && (kind != RelationKind.Leads || source == ActorKind.Person && target != ActorKind.State);

    private static int? ClaimAt(IReadOnlyList<Claim> claims, int start, int end)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            if (claims[i].ContentStart <= start && end <= claims[i].ContentEnd)
            {
                return i;
            }
        }

        return null;
    }

    private readonly record struct Placed(int Start, int End, int Chain, ActorKind Kind, MentionForm Form);

    /// <summary>
    /// The mentions (sorted by start) that start in [<paramref name="from"/>, <paramref name="to"/>),
    /// in their order: each sentence looks at its own few, not at all of a long report's.
    /// </summary>
    private static IEnumerable<Placed> StartingIn(List<Placed> mentions, int from, int to)
    {
        var (low, high) = (0, mentions.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = mentions[middle].Start < from ? (middle + 1, high) : (low, middle);
        }

        for (var i = low; i < mentions.Count && mentions[i].Start < to; i++)
        {
            yield return mentions[i];
        }
    }

    /// <summary>The sentence with each mention replaced by ⟦index⟧, and a map from masked offsets back to the text.</summary>
    private static (string Masked, Func<int, int> Map) Mask(string text, int start, int end, List<Placed> mentions, Func<Placed, bool> keepWords)
    {
        var builder = new StringBuilder(end - start);
        var maskedStarts = new List<int>();
        var textStarts = new List<int>();
        var position = start;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Start < position || keepWords(mention))
            {
                continue;
            }

            maskedStarts.Add(builder.Length);
            textStarts.Add(position);
            builder.Append(text, position, mention.Start - position);
            maskedStarts.Add(builder.Length);
            textStarts.Add(mention.Start);
            builder.Append('⟦').Append(i).Append('⟧');
            position = mention.End;
        }

        maskedStarts.Add(builder.Length);
        textStarts.Add(position);
        builder.Append(text, position, end - position);
        maskedStarts.Add(builder.Length);
        textStarts.Add(end);

        int Map(int masked)
        {
            var index = maskedStarts.BinarySearch(masked);
            if (index >= 0)
            {
                return textStarts[index];
            }

            index = ~index - 1;
            var offset = masked - maskedStarts[index];

            // Inside a placeholder: the mention's own start; inside plain text: the same distance on.
            var segmentIsPlaceholder = index % 2 == 1;
            return segmentIsPlaceholder ? textStarts[index] : Math.Min(textStarts[index] + offset, end);
        }

        return (builder.ToString(), Map);
    }
}
