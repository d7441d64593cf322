using System.Collections;
using System.Reflection;

namespace LicenseGovernance.PowerShell.Tests;

/// <summary>
/// An instance of any output type with every settable property filled, at the widths a large tenant produces (a long
/// user principal name, money in the hundreds of thousands, a list of two), nested types and lists included. The view and
/// CSV tests render these, so a new output type or property is covered without a test naming it.
/// </summary>
internal static class OutputSamples
{
    private static readonly DateTimeOffset When = new(2026, 3, 31, 14, 5, 0, TimeSpan.Zero);

    public static object Create(Type type) => Create(type, depth: 0);

    private static object Create(Type type, int depth)
    {
        var item = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var value = Value(property.Name, property.PropertyType, depth);
            if (value != null)
            {
                property.SetValue(item, value);
            }
        }

        return item;
    }

    private static object? Value(string name, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return Text(name);
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsArray)
        {
            return List(type.GetElementType()!, name, depth, count => Array.CreateInstance(type.GetElementType()!, count));
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ItemList<>) || type.GetGenericTypeDefinition() == typeof(List<>)))
        {
            return List(type.GetGenericArguments()[0], name, depth, _ => (IList)Activator.CreateInstance(type)!);
        }

        return Scalar(name, type) ?? (IsOutputClass(type) && depth < 2 ? Create(type, depth + 1) : null);
    }

    private static object? Scalar(string name, Type type) => type switch
    {
        _ when type == typeof(decimal) => name.Contains("Price") ? 57.00m : 123456.78m,
        _ when type == typeof(double) => 12.5,
        _ when type == typeof(int) => name.Contains("Tier") ? 3 : 1234,
        _ when type == typeof(long) => 123456L,
        _ when type == typeof(bool) => true,
        _ when type == typeof(Guid) => new Guid("6fd2c87f-b296-42f0-b197-1e91e994b900"),
        _ when type == typeof(DateTimeOffset) => When,
        _ when type == typeof(DateTime) => When.UtcDateTime,
        _ when type == typeof(TimeSpan) => new TimeSpan(1, 2, 3, 4),
        _ when type == typeof(Uri) => new Uri("https://myaccess.microsoft.com/@contoso.onmicrosoft.com#/access-packages/6fd2c87f"),
        _ => null,
    };

    private static object? List(Type element, string name, int depth, Func<int, IList> make)
    {
        var first = Value(name, element, depth);
        if (first == null)
        {
            return null;
        }

        var list = make(2);
        var second = element == typeof(string) ? Text(name) + "-2" : Value(name, element, depth);
        if (list.IsFixedSize)
        {
            list[0] = first;
            list[1] = second;
        }
        else
        {
            list.Add(first);
            list.Add(second);
        }

        return list;
    }

    private static string Text(string name) => name switch
    {
        "Currency" => "USD",
        _ when name.EndsWith("UserPrincipalName") || name == "Account" => "adele.vance@contoso.onmicrosoft.com",
        _ when name.Contains("PartNumber") || name == "Sku" || name == "Skus" => "SPE_E5",
        _ when name.Contains("Path") => "/home/admin/licence-review/catalog.csv",
        _ => "Sample text",
    };

    public static bool IsOutputClass(Type type) =>
        type.IsClass && !type.IsGenericType && type.Namespace == "LicenseGovernance" && type.GetConstructor(Type.EmptyTypes) != null;
}
