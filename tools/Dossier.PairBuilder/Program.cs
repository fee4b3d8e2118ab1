using Dossier.PairBuilder;

// dossier-pair-builder [--data DIR] [--out DIR]: rebuilds the generated name-pair files.
var data = "../shared/data/names";
var output = "data/names";
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length:
            data = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine("usage: dossier-pair-builder [--data DIR (../shared/data/names)] [--out DIR (data/names)]");
            return 2;
    }
}

if (!Directory.Exists(Path.Combine(data, "google-ar2en")) || !File.Exists(Path.Combine(data, "un_sc_name_variants.tsv")))
{
    Console.Error.WriteLine($"dossier-pair-builder: {data}: no google-ar2en/ or un_sc_name_variants.tsv");
    return 2;
}

Directory.CreateDirectory(output);
foreach (var file in Ar2EnPairs.Build(Path.Combine(data, "google-ar2en")).Concat(UnPairs.Build(Path.Combine(data, "un_sc_name_variants.tsv"))))
{
    var path = Path.Combine(output, file.Name);
    file.Write(path);
    Console.WriteLine($"{path}: {file.Positives} same, {file.Negatives} different");
}

return 0;
