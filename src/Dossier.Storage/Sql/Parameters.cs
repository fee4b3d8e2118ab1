using System.Data;

namespace Dossier.Storage.Sql;

/// <summary>
/// Parameters and nullable reads, one style for both stores: <c>@name</c> in the SQL, a typed value
/// here. Every parameter states its type: PostgreSQL refuses a NULL sent untyped where it has no
/// type to infer (<c>@p IS NULL</c>).
/// </summary>
internal static class Parameters
{
    public static T With<T>(this T command, string name, string? value)
        where T : DbCommand => Add(command, name, DbType.String, value);

    public static T With<T>(this T command, string name, int? value)
        where T : DbCommand => Add(command, name, DbType.Int32, value);

    public static T With<T>(this T command, string name, long? value)
        where T : DbCommand => Add(command, name, DbType.Int64, value);

    public static T With<T>(this T command, string name, double? value)
        where T : DbCommand => Add(command, name, DbType.Double, value);

    public static T With<T>(this T command, string name, byte[] value)
        where T : DbCommand => Add(command, name, DbType.Binary, value);

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>Binds a value to a name, replacing the value an earlier row bound to it in a statement run once a row.</summary>
    private static T Add<T>(T command, string name, DbType type, object? value)
        where T : DbCommand
    {
        DbParameter parameter;
        if (command.Parameters.Contains(name))
        {
            parameter = command.Parameters[name];
        }
        else
        {
            parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        return command;
    }
}
