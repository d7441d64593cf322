using System.Reflection;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// Finds searches of a list by value (List&lt;T&gt;.Exists, Contains, IndexOf and the like, Enumerable.Contains) in the
/// compiled code of one namespace, lambdas and async methods included. Each is a pass over the list, so one made per item
/// of a listing turns a linear path quadratic; a path meant to stay linear keeps sets and dictionaries instead.
/// </summary>
internal static class LinearSearches
{
    private static readonly HashSet<string> ListSearches = new(StringComparer.Ordinal)
    {
        "Exists", "Find", "FindIndex", "FindLast", "FindLastIndex", "IndexOf", "LastIndexOf", "Contains", "Remove",
    };

    /// <summary>"Caller.Method: List`1.Exists" for every such call made by a type of <paramref name="ns"/> (or a type nested in one).</summary>
    public static List<string> In(Assembly assembly, string ns)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false)))
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il == null)
                {
                    continue;
                }

                foreach (var callee in EngineLayers.Tokens(il).Select(t => Resolve(type, method, t)).OfType<MethodBase>().Where(IsSearch))
                {
                    found.Add($"{type.FullName}.{method.Name}: {callee.DeclaringType!.Name}.{callee.Name}");
                }
            }
        }

        return found;
    }

    private static MemberInfo? Resolve(Type type, MethodBase method, int token)
    {
        try
        {
            return type.Module.ResolveMember(token, type.IsGenericType ? type.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
        }
        catch (ArgumentException)
        {
            // A type or field token, or one only a generic context could resolve: not a call this looks for.
            return null;
        }
    }

    private static bool IsSearch(MethodBase callee)
    {
        var declaring = callee.DeclaringType;
        if (declaring == null)
        {
            return false;
        }

        if (declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(List<>))
        {
            return ListSearches.Contains(callee.Name);
        }

        return declaring == typeof(Enumerable) && callee.Name == nameof(Enumerable.Contains);
    }
}
