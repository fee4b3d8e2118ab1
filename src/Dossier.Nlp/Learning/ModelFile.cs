using System.IO.Compression;
using System.Text;

namespace Dossier.Nlp.Learning;

/// <summary>A model file: a named, versioned, gzip-compressed binary stream.</summary>
public static class ModelFile
{
    public static void Save(string path, string kind, Action<BinaryWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Written beside the target and moved into place, so a crash never leaves half a model.
        var temporary = path + ".partial";
        using (var file = File.Create(temporary))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8))
        {
            writer.Write(kind);
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static T Load<T>(string path, string kind, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Load(path, [kind], (reader, _) => read(reader));
    }

    /// <summary>Loads a model of any of <paramref name="kinds"/>; <paramref name="read"/> is told which one the file is.</summary>
    public static T Load<T>(string path, IReadOnlyList<string> kinds, Func<BinaryReader, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(read);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
        string found;
        try
        {
            found = reader.ReadString();
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"{path}: not a Dossier model file", exception);
        }

        if (!kinds.Contains(found, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{path}: a {found} model, not a {string.Join(" or ", kinds)} model");
        }

        return read(reader, found);
    }
}
