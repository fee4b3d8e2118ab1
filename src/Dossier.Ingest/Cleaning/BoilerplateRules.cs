using System.Buffers;
using System.Text.RegularExpressions;
using Dossier.Core.Documents;

namespace Dossier.Ingest.Cleaning;

/// <summary>What the rules found out about the article while sorting its blocks.</summary>
internal sealed record FoundMetadata(string? Title, string? Author, string? Outlet, PublicationDate? Published)
{
    public ArticleMetadata ToMetadata() => new() { Title = Title, Author = Author, Outlet = Outlet, Published = Published };
}

/// <summary>
/// Sorts blocks into article body and everything else, by position and phrasing rather than by any
/// site's sentences:
/// <list type="bullet">
/// <item>The head (blocks before the first paragraph of prose) holds site chrome, the title and its
/// repeats, date and byline lines.</item>
/// <item>The tail starts at the first heading of a comment section, a teaser list or an author box;
/// everything after it belongs to that section until another such heading.</item>
/// <item>Anywhere after the head: comment policies and licence text, "appeared first on" notices,
/// and, near the end, an author's biography.</item>
/// <item>Photo captions and credits stay in the body, marked as captions.</item>
/// </list>
/// </summary>
internal static partial class BoilerplateRules
{
    private const int ShortLine = 70;

    public static FoundMetadata Apply(List<Block> blocks, string? declaredTitle)
    {
        string? title = null;
        string? author = null;
        string? outlet = null;
        PublicationDate? published = null;
        var candidates = blocks.Where(b => !b.IsStructuralChrome).ToList();
        var firstProse = candidates.FindIndex(IsProse);
        if (firstProse < 0)
        {
            firstProse = candidates.Count;
        }

        // The head: everything before the first paragraph of prose.
        var dateText = new List<string>();
        for (var i = 0; i < firstProse; i++)
        {
            var block = candidates[i];
            var text = block.Text;
            if (title is not null && SameText(text, title))
            {
                block.Remove(RemovalReason.RepeatedTitle, "title-repeated");
            }
            else if (IsChromeLine(text))
            {
                block.Remove(RemovalReason.SiteChrome, "chrome-phrase");
            }
            else if (DateTextParser.IsDateOrTimeLine(text))
            {
                block.Remove(RemovalReason.MetadataLine, "date-line");
                dateText.Add(text);
            }
            else if (!text.Any(char.IsLetter))
            {
                block.Remove(RemovalReason.SiteChrome, "stray-symbols");
            }
            else if (Byline().Match(text) is { Success: true } byline)
            {
                block.Remove(RemovalReason.MetadataLine, "byline");
                author ??= byline.Groups["author"].Value.Trim();
                published ??= DateTextParser.ParseHumanDate(byline.Groups["rest"].Value.Trim(' ', '|', ',', '-', '·'));
            }
            else if (title is null && (declaredTitle is null || SameText(text, declaredTitle)) && IsTitleLike(block))
            {
                title = text;
            }
        }

        if (dateText.Count > 0)
        {
            published ??= DateTextParser.ParseHumanDate(string.Join(' ', dateText));
        }

        title ??= declaredTitle;
        if (title is not null)
        {
            RemoveTitleRepeats(candidates, firstProse, title);
        }

        // The tail: from the first comment, teaser or author-box heading after the body starts.
        var tailStart = candidates.Count;
        for (var i = Math.Max(firstProse, 1); i < candidates.Count; i++)
        {
            if (TailSection(candidates[i].Text) is not null)
            {
                tailStart = i;
                break;
            }
        }

        (RemovalReason Reason, string Rule)? section = null;
        for (var i = tailStart; i < candidates.Count; i++)
        {
            var block = candidates[i];
            if (TailSection(block.Text) is { } heading)
            {
                section = heading;
                block.Remove(heading.Reason, heading.Rule + "-heading");
            }
            else if (IsPolicyText(block.Text, ref outlet))
            {
                block.Remove(RemovalReason.PolicyText, "policy-text");
            }
            else if (IsSyndication(block.Text, ref outlet))
            {
                block.Remove(RemovalReason.SyndicationNotice, "appeared-first-on");
            }
            else if (section is { } current)
            {
                block.Remove(current.Reason, current.Rule);
            }
        }

        // Between head and tail: notices, policies, share bars, and a biography near the end.
        var bodyBlocks = tailStart - firstProse;
        for (var i = firstProse; i < tailStart; i++)
        {
            var block = candidates[i];
            if (!block.IsBody)
            {
                continue;
            }

            if (IsSyndication(block.Text, ref outlet))
            {
                block.Remove(RemovalReason.SyndicationNotice, "appeared-first-on");
            }
            else if (block.Text.Length < 500 && IsPolicyText(block.Text, ref outlet))
            {
                block.Remove(RemovalReason.PolicyText, "policy-text");
            }
            else if (block.Text.Length <= ShortLine && ShareChrome().IsMatch(block.Text))
            {
                block.Remove(RemovalReason.SiteChrome, "share-bar");
            }
            else if (i - firstProse >= bodyBlocks * 0.6 && AuthorBio().Match(block.Text) is { Success: true } bio)
            {
                block.Remove(RemovalReason.AuthorBio, "author-bio");
                author ??= bio.Groups["name"].Value;
                if (bio.Groups["outlet"].Success)
                {
                    outlet ??= TrimOutlet(bio.Groups["outlet"].Value);
                }
            }
        }

        foreach (var block in blocks)
        {
            if (block.IsBody && (block.Hint == BlockHint.Caption || IsCaption(block.Text)))
            {
                block.IsCaption = true;
            }
        }

        return new FoundMetadata(title, author, outlet, published);
    }

    /// <summary>Prose: a sentence or more of running text, not a heading or a menu.</summary>
    private static bool IsProse(Block block)
    {
        var words = block.WordCount;
        if (words >= 25)
        {
            return true;
        }

        var last = block.Text[^1];
        return words >= 10 && last is '.' or '"' or '”' or ')' or '!' or '?' or ':' && !IsChromeLine(block.Text);
    }

    private static bool IsTitleLike(Block block)
    {
        var words = block.WordCount;
        var text = block.Text;
        return words is >= 2 and <= 30 && text.Length <= 220 && !text.EndsWith('.') && !text.EndsWith(',') && !IsCaption(text);
    }

    private static void RemoveTitleRepeats(List<Block> blocks, int firstProse, string title)
    {
        var normalTitle = TextNormalizer.ForIdentity(title);
        var seenTitle = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!block.IsBody)
            {
                continue;
            }

            if (block.Text.Length <= (title.Length * 2) + 8 && TextNormalizer.ForIdentity(block.Text) == normalTitle)
            {
                if (seenTitle || i >= firstProse)
                {
                    block.Remove(RemovalReason.RepeatedTitle, "title-repeated");
                }

                seenTitle = true;
                continue;
            }

            // "...do not drop weaponsThe result of months-long...": the title glued to the first
            // paragraph by a page that lost its line break.
            if (i <= firstProse + 1 && block.IsExact && block.Text.Length > title.Length + 20 &&
                block.Text.StartsWith(title, StringComparison.Ordinal))
            {
                var next = block.Text[title.Length];
                if (char.IsUpper(next) || char.IsWhiteSpace(next))
                {
                    block.TrimStart(title.Length);
                }
            }
        }
    }

    private static bool SameText(string a, string b) =>
        string.Equals(TextNormalizer.ForIdentity(a), TextNormalizer.ForIdentity(b), StringComparison.Ordinal);

    private static bool IsChromeLine(string text) =>
        text.Length <= ShortLine && (ChromePhrase().IsMatch(text) || MenuLine().IsMatch(text) || text.EndsWith('|') || text.StartsWith('|'));

    private static (RemovalReason Reason, string Rule)? TailSection(string text)
    {
        if (text.Length > ShortLine)
        {
            return null;
        }

        if (CommentsHeading().IsMatch(text))
        {
            return (RemovalReason.Comments, "comment-section");
        }

        if (TeaserHeading().IsMatch(text))
        {
            return (RemovalReason.Teaser, "teaser-list");
        }

        return AuthorBoxHeading().IsMatch(text) ? (RemovalReason.AuthorBio, "author-box") : null;
    }

    private static bool IsPolicyText(string text, ref string? outlet)
    {
        if (!MayBePolicy(text) || !PolicyPhrase().IsMatch(text))
        {
            return false;
        }

        if (LicenceGrant().Match(text) is { Success: true } grant)
        {
            outlet ??= TrimOutlet(grant.Groups["outlet"].Value);
        }
        else if (Copyright().Match(text) is { Success: true } copyright)
        {
            outlet ??= TrimOutlet(copyright.Groups["outlet"].Value);
        }

        return true;
    }

    private static bool IsSyndication(string text, ref string? outlet)
    {
        if (text.Length > 400 || !text.AsSpan().ContainsAny(SyndicationWords) ||
            Syndication().Match(text) is not { Success: true } match)
        {
            return false;
        }

        outlet ??= TrimOutlet(match.Groups["outlet"].Value);
        return true;
    }

    private static bool IsCaption(string text) => text.Length <= 600 && MayBeCaption(text) && CaptionPhrase().IsMatch(text);

    // Cheap vectorized look-ups first: the full patterns cost more than everything else in the
    // cleaner together, and almost no paragraph needs them.
    private static readonly SearchValues<string> PolicyWords = SearchValues.Create(
        ["comment", "right", "©", "(c)", "licen", "reproduc", "republish", "redistribut", "terms of", "sign in", "log in"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CaptionWords = SearchValues.Create(
        ["photo", "|", " / ", "getty", "image", "picture", "pic"], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> SyndicationWords = SearchValues.Create(["appeared", "published"], StringComparison.OrdinalIgnoreCase);

    private static bool MayBePolicy(string text) => text.AsSpan().ContainsAny(PolicyWords);

    private static bool MayBeCaption(string text) => text.AsSpan().ContainsAny(CaptionWords);

    private static string? TrimOutlet(string outlet)
    {
        var trimmed = outlet.Trim().TrimEnd('.', ',', ';', ':').Trim();
        return trimmed.Length is > 1 and <= 60 ? trimmed : null;
    }

    [GeneratedRegex(@"^(?:connect\s+with\s+us|follow\s+us(?:\s+on\s+\w+)?|hi,?\s+what\s+are\s+you\s+looking\s+for\??|what\s+are\s+you\s+looking\s+for\??|search(?:\s+for)?\s*(?:\.\.\.|…)?:?|type\s+(?:here|your\s+search|and\s+hit\s+enter).*|(?:main\s+)?menu|skip\s+to\s+(?:main\s+)?content|sign\s+in|log\s*in|register|subscribe(?:\s+now)?|sign\s+up|home|newsletter|advertisement|advertising|sponsored|close|toggle\s+navigation|loading\.*|back\s+to\s+top|accept(?:\s+all)?(?:\s+cookies)?|we\s+use\s+cookies.*|breaking(?:\s+news)?|latest|trending|share(?:\s+this(?:\s+article|\s+story)?)?:?|tweet|print|email|whatsapp|facebook|twitter|linkedin|telegram|reddit)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChromePhrase();

    // "Home | World | Middle East | Opinion": short items between separators.
    [GeneratedRegex(@"^(?:[\p{L}&][\p{L}&' ]{0,24}\s*[|•·»/]\s*){2,}[\p{L}&][\p{L}&' ]{0,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex MenuLine();

    [GeneratedRegex(@"^(?:share(?:\s+(?:this|on\s+\w+))?(?:\s+(?:article|story|post))?|tweet(?:\s+this)?|print(?:\s+this)?|email(?:\s+this)?|(?:facebook|twitter|linkedin|whatsapp|telegram|reddit)(?:\s*[|,]\s*(?:facebook|twitter|linkedin|whatsapp|telegram|reddit|email))*|tags?:.*|filed\s+under:.*|categories:.*)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareChrome();

    [GeneratedRegex(@"^(?:(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:comments?|responses?|replies|thoughts?)(?:\s+on\s+.*)?|(?:reader\s+)?comments?(?:\s*\(\d+\))?|(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)|join\s+the\s+(?:discussion|conversation)|discussion|(?:show|view|load)\s+(?:all\s+)?comments)\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsHeading();

    [GeneratedRegex(@"^(?:you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|related(?:\s+(?:articles?|posts?|stories|news|content|coverage|reading|topics))?|read\s+(?:more|also|next)(?:\s+about\b.*)?|more\s+(?:from|on|stories|news|in|articles|to\s+read)\b.*|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|(?:most\s+)?(?:popular|read|viewed|shared)(?:\s+(?:now|stories|articles|today))?|trending(?:\s+(?:now|stories))?|also\s+read|see\s+also|latest\s+(?:news|stories|articles|posts)|what\s+to\s+read\s+next|sponsored(?:\s+(?:content|stories|links))?|from\s+(?:around|across)\s+the\s+web|don'?t\s+miss|further\s+reading|more\s+articles|top\s+stories|editor'?s\s+picks?)\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserHeading();

    [GeneratedRegex(@"^(?:about\s+(?:the\s+)?authors?|written\s+by|author(?:\s+profile)?|author\s+details)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorBoxHeading();

    [GeneratedRegex(@"by\s+(?:submitting|posting)\s+a\s+comment|comment(?:s|ing)?\s+(?:policy|guidelines|rules)|comments\s+are\s+(?:moderated|closed|reviewed)|(?:inappropriate|irrelevant|offensive|abusive)\s+comments|(?:issues|problems|trouble)\s+with\s+comment|you\s+must\s+(?:sign|log)\s+in|(?:sign|log)\s+in\s+to\s+(?:comment|leave|post|reply)|to\s+leave\s+(?:a\s+)?comments?|all\s+rights\s+reserved|^\s*(?:©|\(c\)|copyright\b)|this\s+(?:article|work|content|story)\s+is\s+licensed|may\s+not\s+be\s+(?:reproduced|republished|redistributed|rewritten)|perpetual\s+licen[cs]e|terms\s+of\s+(?:use|service)\s+and\s+privacy", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyPhrase();

    [GeneratedRegex(@"you\s+grant\s+(?<outlet>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+an?\s+(?:[\w-]+\s+){0,4}licen[cs]e", RegexOptions.CultureInvariant)]
    private static partial Regex LicenceGrant();

    [GeneratedRegex(@"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?(?<outlet>[A-Z][\w&'’-]*(?:\s+(?!all\b)[A-Z][\w&'’-]*){0,4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^(?:the\s+post\s+.+?\s+appeared\s+first\s+on\s+(?<outlet>.+?)\.?|this\s+(?:article|story|post)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\s+(?:on|in|at|by)\s+(?<outlet>.+?)\.?|(?:originally|first)\s+published\s+(?:on|in|at|by)\s+(?<outlet>.+?)\.?|republished\s+(?:with\s+permission\s+)?(?:from|by)\s+(?<outlet>.+?)\.?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Syndication();

    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s+is\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:writer|journalist|reporter|editor|correspondent|contributor|columnist|analyst|author|researcher|producer|blogger)\b(?:.{0,60}?\b(?:for|at|with)\s+(?<outlet>\p{Lu}[\w&.'’-]*(?:\s+\p{Lu}[\w&.'’-]*){0,4}))?", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorBio();

    [GeneratedRegex(@"^(?i:by|written\s+by|words\s+by)\s*:?\s+(?<author>\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|van|von|al|el|bin|ben)){0,4}(?:\s+and\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3})?)(?<rest>\s*(?:[,|·—–-].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:top\s+|file\s+|feature[d]?\s+|main\s+|header\s+|cover\s+)?(?:photo|image|picture|pic)(?:\s+credit)?\s*[|:]|\(photo(?:\s+credit)?\b|photo\s+credit|\bAFP\s+PHOTO\b|\s/\s*(?:AFP|AP|Reuters|REUTERS|Getty(?:\s+Images)?|EPA|Anadolu)\b|\|\s*(?:AP|AFP|Reuters|Getty\s+Images|EPA|Shutterstock|Anadolu(?:\s+Agency)?)\s*$|\bGetty\s+Images\b|\(Photo:|\bphoto\s+by\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPhrase();
}
