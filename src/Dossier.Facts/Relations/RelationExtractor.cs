using System.Text;
using System.Text.RegularExpressions;
using Dossier.Core.Actors;
using Dossier.Core.Documents;
using Dossier.Core.Facts;
using Dossier.Core.Pipeline;

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

    public string Version => "2";

    public IReadOnlySet<DocumentLayer> Requires { get; } = new HashSet<DocumentLayer> { DocumentLayer.Sentences, DocumentLayer.ArticleActors, DocumentLayer.Claims, DocumentLayer.Events };

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
    private const string NotObjectOf = @"(?<!\b(?:of|at|in|on|to|before|from)\s+(?:the\s+)?)";

    /// <summary>A pattern, the kind it states, and whether its first slot is the source (else the target).</summary>
    private static readonly (Regex Pattern, RelationKind Kind, bool FirstIsSource)[] Patterns =
    [
        (new Regex(Named + @",?\s+(?:\w+\s+){0,2}?(?:led|commanded|headed|run)\s+by\s+(?:\w+\s+){0,3}?" + Slot, Options), RelationKind.Leads, false),
        // Not "the 12 Brigade of the ⟦LNA⟧ under the command of ⟦B⟧": the unit commanded is the brigade.
        (new Regex(NotObjectOf + Named + @"\s+under\s+the\s+command\s+of\s+(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Leads, false),
        (new Regex(Named + @",?\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?(?:commander|leader|head|chief|founder|commander-in-chief)\s+(?:in|of)\s+(?:the\s+)?" + Slot, Options), RelationKind.Leads, true),
        (new Regex(Named + @"’s\s+" + Slot, Options), RelationKind.Leads, true),
        (new Regex(Named + @"'s\s+" + Slot, Options), RelationKind.Leads, true),
        (new Regex(Named + @",?\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?" + Slot, Options), RelationKind.SpokespersonOf, true),
        // "the official representative of the ⟦LNA⟧, ⟦Ahmed Mismari⟧".
        (new Regex(@"(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?" + Named + @",\s+" + Slot, Options), RelationKind.SpokespersonOf, false),
        (new Regex(Named + @"\s+(?:\w+\s+)?spokes(?:man|woman|person),?\s+" + Slot, Options), RelationKind.SpokespersonOf, false),
        (new Regex(Named + @"\s+(?:belonged|belongs|belong)\s+to\s+(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true),
        (new Regex(Named + @",?\s+to\s+which\s+" + Slot + @"\s+belonged", Options), RelationKind.MemberOf, false),
        // "The group, to which ⟦Ziyad Balaam⟧ belonged – ⟦Ansar al-Sharia⟧ –".
        (new Regex(@"to\s+which\s+" + Slot + @"\s+belonged\s*[–—-]\s*(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true),
        (new Regex(Named + @"\s+joined\s+(?:the\s+ranks\s+of\s+)?(?:the\s+)?" + Slot, Options), RelationKind.MemberOf, true),
        (new Regex(Named + @"(?:’s|'s)?\s+(?:main\s+|key\s+|closest\s+)?(?:ally|allies)\s+(?:\w+\s+){0,1}?" + Slot, Options), RelationKind.AlliedWith, true),
        (new Regex(Named + @"\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:allied|aligned)\s+(?:with|to)\s+(?:the\s+)?" + Slot, Options), RelationKind.AlliedWith, true),
        (new Regex(Named + @"-backed\s+(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Supports, true),
        // Not "an effort at the ⟦United Nations Security Council⟧ backed by ⟦France⟧": what is backed is the effort.
        (new Regex(NotObjectOf + Named + @"\s+(?:is\s+|are\s+|was\s+|were\s+|been\s+)?(?:backed|supported|armed|funded|financed|sponsored)\s+by\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, false),
        (new Regex(Named + @"\s+(?:backs|backed|supports|supported|arms|armed|funds|funded|finances|financed)\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, true),
        (new Regex(Named + @",?\s+(?:\w+\s+){0,3}?loyal\s+to\s+(?:the\s+)?" + Slot, Options), RelationKind.Supports, true),
        (new Regex(Named + @"\s+(?:\w+\s+)?(?:fights?|fought|fighting|opposes|is\s+opposed\s+to|are\s+opposed\s+to)\s+(?:against\s+)?(?:the\s+)?" + Slot, Options), RelationKind.Opposes, true),
        (new Regex(Named + @"(?:’s|'s)\s+(?:enemies|opponents|rivals|foes)\s*,?\s+(?:the\s+)?" + Slot, Options), RelationKind.Opposes, true),
        (new Regex(Named + @"\s+(?:now\s+|still\s+)?(?:controls|controlled|holds|held|seized|captured|took\s+control\s+of|recaptured)\s+(?:not\s+only\s+)?(?:all\s+)?(?:the\s+)?(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.Controls, true),
        (new Regex(Named + @"[^.⟦]{0,60}?designated\s+by\s+(?:the\s+)?" + Slot + @"\s+as\s+[^.]{0,40}?terror", Options), RelationKind.DesignatedTerroristBy, true),
        (new Regex(Named + @"\s+(?:\w+\s+){0,2}?(?:designated|recognized|recognised|listed|declared)\s+(?:this\s+group|them|it|" + Slot + @")\s+as\s+(?:an?\s+)?(?:\w+\s+)?terror", Options), RelationKind.DesignatedTerroristBy, false),
        (new Regex(Named + @"-based\s+(?:\w+\s+){0,2}?" + Slot, Options), RelationKind.BasedIn, false),
        (new Regex(Named + @",?\s+(?:is\s+|are\s+|was\s+)?based\s+in\s+" + Slot, Options), RelationKind.BasedIn, true),
    ];

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled;

    public IReadOnlyList<Relation> Extract(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var actors = document.Actors!;
        var mentions = actors
            .SelectMany(a => a.Mentions.Select(m => (m.Start, m.End, a.Chain, a.Kind)))
            .OrderBy(m => m.Start)
            .ToList();
        var claims = document.Claims ?? [];
        var relations = new List<Relation>();
        foreach (var sentence in document.Sentences!)
        {
            var inSentence = mentions.Where(m => m.Start >= sentence.Start && m.End <= sentence.End).ToList();
            if (inSentence.Count < 2)
            {
                continue;
            }

            var (masked, map) = Mask(text, sentence.Start, sentence.End, inSentence);
            foreach (var (pattern, kind, firstIsSource) in Patterns)
            {
                foreach (Match match in pattern.Matches(masked))
                {
                    var slots = match.Groups.Cast<Group>().Skip(1).Where(g => g.Success).ToList();
                    if (slots.Count < 2 && kind != RelationKind.DesignatedTerroristBy)
                    {
                        continue;
                    }

                    var first = inSentence[int.Parse(slots[0].Value, System.Globalization.CultureInfo.InvariantCulture)];
                    var second = slots.Count > 1 ? inSentence[int.Parse(slots[1].Value, System.Globalization.CultureInfo.InvariantCulture)] : default;
                    if (slots.Count < 2 || first.Chain == second.Chain)
                    {
                        continue;
                    }

                    var (source, target) = firstIsSource ? (first, second) : (second, first);
                    if (!Fits(kind, source.Kind, target.Kind))
                    {
                        continue;
                    }

                    var cueStart = map(match.Index);
                    var cueEnd = map(match.Index + match.Length);
                    var claim = ClaimAt(claims, cueStart, cueEnd);
                    Add(relations, new Relation(kind, source.Chain, target.Chain, sentence.Start, sentence.End, cueStart, cueEnd, claim));
                }
            }
        }

        // Who attacked whom, from the events.
        foreach (var item in document.Events ?? [])
        {
            // Only attacks: in "fighting between X and Y" the sides are not told apart.
            if (item.Type is not (EventType.Attack or EventType.AirstrikeOrShelling))
            {
                continue;
            }

            // The agent named nearest before the trigger attacked the target named nearest after it:
            // "militants of the GNA, along with Syrian mercenaries ..., attacked LNA positions".
            var agent = mentions.Where(m => item.Agents.Contains(m.Chain) && m.End <= item.TriggerStart && m.Start >= item.SentenceStart)
                .Select(m => (int?)m.Chain).LastOrDefault();
            var target = mentions.Where(m => item.Targets.Contains(m.Chain) && m.Start >= item.TriggerEnd && m.End <= item.SentenceEnd
                                             && actors[m.Chain].Kind is not (ActorKind.Place or ActorKind.Facility))
                .Select(m => (int?)m.Chain).FirstOrDefault();
            if (agent is { } from && target is { } to && from != to && actors[from].Kind != ActorKind.State)
            {
                Add(relations, new Relation(RelationKind.Attacked, from, to, item.SentenceStart, item.SentenceEnd, item.TriggerStart, item.TriggerEnd, item.Claim));
            }
        }

        return relations;
    }

    private static void Add(List<Relation> relations, Relation relation)
    {
        if (!relations.Any(r => r.Kind == relation.Kind && r.Source == relation.Source && r.Target == relation.Target && r.SentenceStart == relation.SentenceStart))
        {
            relations.Add(relation);
        }
    }

    /// <summary>Kinds the two ends must have: a place is controlled and is where one is based; people lead.</summary>
    private static bool Fits(RelationKind kind, ActorKind source, ActorKind target)
    {
        var sourceIsPlace = source is ActorKind.Place or ActorKind.Facility;
        var targetIsPlace = target is ActorKind.Place or ActorKind.Facility or ActorKind.State;
        return kind switch
        {
            RelationKind.Controls => !sourceIsPlace && target is ActorKind.Place or ActorKind.Facility,
            RelationKind.BasedIn => !sourceIsPlace && targetIsPlace,
            RelationKind.Leads => source == ActorKind.Person && target is not (ActorKind.Person or ActorKind.Place or ActorKind.Facility or ActorKind.State),
            RelationKind.SpokespersonOf => source == ActorKind.Person && target != ActorKind.Person && !targetIsPlace,
            RelationKind.MemberOf => !sourceIsPlace && !targetIsPlace && target != ActorKind.Person,
            _ => !sourceIsPlace && !(target is ActorKind.Place or ActorKind.Facility),
        };
    }

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

    /// <summary>The sentence with each mention replaced by ⟦index⟧, and a map from masked offsets back to the text.</summary>
    private static (string Masked, Func<int, int> Map) Mask(string text, int start, int end, List<(int Start, int End, int Chain, ActorKind Kind)> mentions)
    {
        var builder = new StringBuilder(end - start);
        var maskedStarts = new List<int>();
        var textStarts = new List<int>();
        var position = start;
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            if (mention.Start < position)
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
