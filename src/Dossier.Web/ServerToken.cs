namespace Dossier.Web;

/// <summary>
/// Where <c>dossier serve</c> takes its access token from. A token on the command line is visible to
/// every local user in <c>ps</c>; a file readable only by its owner, or the environment variable,
/// is not.
/// </summary>
public static class ServerToken
{
    /// <summary>The environment variable read when neither <c>--token</c> nor <c>--token-file</c> is given.</summary>
    public const string EnvironmentVariable = "DOSSIER_TOKEN";

    /// <summary>
    /// The token from <c>--token</c>, else from the first line of <c>--token-file</c> (trimmed), else
    /// from <see cref="EnvironmentVariable"/>; null when none is given.
    /// </summary>
    /// <returns>Null when the token could be read (or none was given), else a one-line reason.</returns>
    public static string? TryResolve(string? option, string? file, string? environmentValue, out string? token)
    {
        token = null;
        if (option is not null && file is not null)
        {
            return "give the token once: --token or --token-file, not both";
        }

        if (file is not null)
        {
            if (!File.Exists(file))
            {
                return $"--token-file {file}: no such file";
            }

            string? firstLine;
            try
            {
                using var reader = new StreamReader(file);
                firstLine = reader.ReadLine();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return $"--token-file {file}: cannot read it: {exception.Message.ReplaceLineEndings(" ")}";
            }

            if (string.IsNullOrWhiteSpace(firstLine))
            {
                return $"--token-file {file}: the first line is empty; put the token there";
            }

            token = firstLine.Trim();
            return null;
        }

        token = option ?? (string.IsNullOrWhiteSpace(environmentValue) ? null : environmentValue.Trim());
        return null;
    }
}
