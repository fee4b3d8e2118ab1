using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Bench;

/// <summary>
/// Makes a large corpus by varying the bundled sample articles: sentences drawn across all five,
/// names and numbers swapped, paragraphs reordered, site chrome, comment sections and teasers added
/// in several styles. A share of the output are syndicated copies (other chrome, a few edits) and
/// exact repeats, so deduplication is exercised as in a real crawl. Seeded: the same arguments give
/// the same files.
/// </summary>
internal sealed partial class CorpusGenerator
{
    private static readonly string[] People =
    [
        "Khalifa Haftar", "Khalifa Hifter", "Fayez al-Sarraj", "Fathi Bashaga", "Ahmed al-Mismari", "Salah Badi", "Ziyad Balaam",
        "Abdelhakim Belhadj", "Aguila Saleh", "Osama al-Juwaili", "Mohamed al-Zahawi", "Jamal al-Treki", "Ibrahim Jadran",
        "Mahmoud al-Werfalli", "Wissam Ben Hamid", "Khaled al-Mishri", "Abdul Hamid Dbeibah", "Imad Trabelsi", "Haitham Tajouri",
    ];

    private static readonly string[] Places =
    [
        "Tripoli", "Benghazi", "Misrata", "Sirte", "Derna", "Sebha", "Tobruk", "Ajdabiya", "Zintan", "Jufra", "Ain Zara",
        "Gharyan", "Tarhuna", "Bani Walid", "Ras Lanuf", "Brega", "Zawiya", "Sabratha", "Ubari", "Kufra", "Waddan", "Hun",
    ];

    private static readonly string[] TopChrome =
    [
        "Connect with us\n\nHi, what are you looking for?\n\n", "Menu\nHome | World | Middle East | Opinion\n\n", "SI |\n\n",
        "Skip to content\n\nSubscribe\n\n", string.Empty, string.Empty,
    ];

    private static readonly string[] EndChrome =
    [
        "\n\nYou may also like:\n\n\nA film star chatted about her latest endeavors.\n\n\nA singer released a new album at last.",
        "\n\nRelated Articles\n\nMarkets rally as oil prices climb\n\nWeather: storms expected this weekend",
        "\n\n3 comments\nInformation\nDear reader, to leave comments on the publication, you must sign in.\n  1. +2\n    25 June 2017 07: 07\n    Who pays for all this?",
        "\n\nOne comment\nI doubt any of this is true.\nBy submitting a comment you grant Desert Wire a perpetual license to reproduce your words.",
        "\n\nPlease let us know if you're having issues with commenting.",
        "\n\nThe post {0} appeared first on Sahel Monitor.",
        string.Empty,
    ];

    // Name parts for a large cast: first names and family names combine into thousands of people,
    // towns and unit words into hundreds of armed groups, so that resolution has real work to do.
    private static readonly string[] FirstNames =
    [
        "Ahmed", "Mohamed", "Ali", "Omar", "Khaled", "Salem", "Abdullah", "Mustafa", "Ibrahim", "Youssef", "Hassan", "Hussein",
        "Faraj", "Milad", "Nouri", "Tarek", "Walid", "Jamal", "Saleh", "Abdel Basit", "Emad", "Fawzi", "Hamza", "Ramadan",
        "Mabrouk", "Bashir", "Othman", "Anwar", "Suleiman", "Idris", "Abubakr", "Marwan", "Nasser", "Fathi", "Ayoub", "Karim",
    ];

    private static readonly string[] FamilyNames =
    [
        "al-Obeidi", "al-Warfalli", "Ben Ali", "al-Zintani", "al-Misrati", "Abu Shaala", "al-Hasi", "al-Fakhri", "Bukhatwa",
        "al-Barghathi", "al-Tajouri", "al-Kikli", "Ghneiwa", "al-Dabbashi", "al-Kani", "Buzriba", "al-Naas", "al-Qadhi",
        "al-Shaibani", "al-Sharif", "al-Magariaf", "Jalil", "al-Mahdawi", "al-Ferjani", "Zway", "al-Tabu", "al-Hadi", "Grein",
        "al-Ghweil", "Ben Khayal", "al-Mabrouk", "Swehli", "al-Jehani", "al-Fitouri", "al-Sunni", "Buamer", "al-Azzabi",
    ];

    private static readonly string[] UnitWords =
    [
        "Brigade", "Battalion", "Revolutionaries Brigade", "Shield Force", "Military Council", "Protection Force", "Martyrs Brigade",
    ];

    private static readonly string[] MoreTowns =
    [
        "Murzuq", "Ghat", "Ghadames", "Nalut", "Yafran", "Jadu", "Gharyan", "Khoms", "Zliten", "Msallata", "Sorman", "Janzour",
        "Tajoura", "Qasr Bin Ghashir", "Sidra", "Zueitina", "Marsa Brega", "al-Bayda", "Shahat", "Marj", "Tocra", "Jalu", "Awjila",
    ];

    private readonly List<string> sentences;
    private readonly Random random;
    private readonly string[] people = People;
    private readonly string[] places = Places;
    private readonly string[] groups = [];

    /// <summary>
    /// A generator whose cast is the sample articles' own people and places, or, with
    /// <paramref name="largeCast"/>, thousands of people and hundreds of armed groups made from name parts.
    /// </summary>
    public CorpusGenerator(string sampleFolder, int seed, bool largeCast)
        : this(sampleFolder, seed)
    {
        if (!largeCast)
        {
            return;
        }

        people = [.. People, .. FirstNames.SelectMany(first => FamilyNames.Select(family => $"{first} {family}"))];
        places = [.. Places, .. MoreTowns];
        groups = [.. places.SelectMany(town => UnitWords.Select(unit => $"{town} {unit}"))];
    }

    public CorpusGenerator(string sampleFolder, int seed)
    {
        random = new Random(seed);
        sentences = [];
        foreach (var file in Directory.EnumerateFiles(sampleFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                // Only body-like lines: long enough to be prose, so chrome is added on purpose, not by accident.
                if (line.Length < 80 || line.StartsWith(' '))
                {
                    continue;
                }

                sentences.AddRange(SentenceEnd().Split(line).Where(s => s.Length > 40));
            }
        }
    }

    /// <summary>Writes <paramref name="count"/> articles as text files, 1,000 to a folder; returns total bytes.</summary>
    public long Write(string folder, int count)
    {
        long bytes = 0;
        var recent = new List<string>();
        for (var i = 0; i < count; i++)
        {
            string article;
            var roll = random.NextDouble();
            if (roll < 0.02 && recent.Count > 0)
            {
                article = recent[random.Next(recent.Count)]; // an exact repeat, as when a feed is fetched twice
            }
            else if (roll < 0.07 && recent.Count > 0)
            {
                article = Syndicate(recent[random.Next(recent.Count)]);
            }
            else
            {
                article = Compose(i);
                if (recent.Count < 200)
                {
                    recent.Add(article);
                }
                else
                {
                    recent[random.Next(recent.Count)] = article;
                }
            }

            var directory = Path.Combine(folder, (i / 1000).ToString("D4", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, i.ToString("D6", CultureInfo.InvariantCulture) + ".txt");
            File.WriteAllText(path, article);
            bytes += Encoding.UTF8.GetByteCount(article);
        }

        return bytes;
    }

    private string Compose(int index)
    {
        var title = $"{Pick(people)} {Pick(["forces advance on", "denies reports from", "meets envoys in", "vows to retake", "blamed for strikes on"])} {Pick(places)}";
        var builder = new StringBuilder();
        builder.Append(Pick(TopChrome)).Append(title).Append("\n\n");
        if (random.Next(3) == 0)
        {
            builder.Append(title).Append("\n\n"); // a repeated title line
        }

        var paragraphs = random.Next(6, 14);
        for (var p = 0; p < paragraphs; p++)
        {
            var count = random.Next(2, 5);
            for (var s = 0; s < count; s++)
            {
                builder.Append(Vary(sentences[random.Next(sentences.Count)])).Append(' ');
            }

            builder.Length--;
            builder.Append("\n\n");
        }

        builder.Append(string.Format(CultureInfo.InvariantCulture, Pick(EndChrome), title));
        builder.Append(CultureInfo.InvariantCulture, $"\n\nReport {index}.");
        return builder.ToString();
    }

    /// <summary>The same story under another site's chrome, with a sentence changed.</summary>
    private string Syndicate(string article)
    {
        var body = article.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length > 80).ToList();
        if (body.Count > 2)
        {
            body[random.Next(body.Count)] = Vary(body[random.Next(body.Count)]);
        }

        return Pick(TopChrome) + string.Join("\n\n", body) + string.Format(CultureInfo.InvariantCulture, Pick(EndChrome), "a copy");
    }

    private string Vary(string sentence)
    {
        var varied = Number().Replace(sentence, _ => random.Next(2, 5000).ToString(CultureInfo.InvariantCulture));
        varied = Person().Replace(varied, _ => Pick(people));
        if (groups.Length > 0)
        {
            varied = Group().Replace(varied, _ => Pick(groups));
        }

        return Place().Replace(varied, _ => Pick(places));
    }

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];

    [GeneratedRegex(@"(?<=[.!?”""])\s+(?=[A-Z“""])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b\d[\d,]*\b")]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(Khalifa Haftar|Haftar|Hifter|Khaftar|Fayez al-Sarraj|Faiz Saraj|Saraj|al-Sarraj|Ziyad Balaam|Mismari|Ahmed Mismari|Salah Badi)\b")]
    private static partial Regex Person();

    [GeneratedRegex(@"\b(Benghazi Defen[cs]e Brigades?|Libyan National Army|Tripoli Protection Force)\b")]
    private static partial Regex Group();

    [GeneratedRegex(@"\b(Tripoli|Benghazi|Misrata|Sirte|Derna|Tobruk|Ajdabiya|Zintan|Jufra|Ain Zara|Sebha)\b")]
    private static partial Regex Place();
}
