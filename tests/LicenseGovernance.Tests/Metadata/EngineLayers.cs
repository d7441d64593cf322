using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LicenseGovernance.Tests.Metadata;

/// <summary>
/// Reads which engine folder uses which, from the compiled assembly: every type a type's signatures, base types and
/// method bodies (IL operands) name. A folder is the namespace segment after the root ("Kernel", "Waste"); the root
/// namespace itself (the GovernanceEngine partials that wire capabilities to cmdlets) is "(root)".
/// </summary>
internal static class EngineLayers
{
    public const string Root = "(root)";

    /// <summary>Kernel, Graph and Journal: what every capability may use. They never use a capability or the root.</summary>
    public static readonly string[] Foundation = { "Kernel", "Graph", "Journal" };

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>(from folder, to folder) -> the type names on the "from" side that make the reference, for messages.</summary>
    public static Dictionary<(string From, string To), SortedSet<string>> FolderReferences(string assemblyPath, string rootNamespace)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var from = FolderOf(reader, handle, rootNamespace);
            if (from == null)
            {
                continue;
            }

            foreach (var used in Referenced(reader, pe, handle))
            {
                var to = FolderOf(reader, used, rootNamespace);
                if (to != null && to != from)
                {
                    var key = (from, to);
                    if (!edges.TryGetValue(key, out var names))
                    {
                        edges[key] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(OutermostName(reader, handle) + " -> " + OutermostName(reader, used));
                }
            }
        }

        return edges;
    }

    /// <summary>Every reference the layering forbids: capability to capability, capability to the root, foundation to either.</summary>
    public static List<string> Violations(Dictionary<(string From, string To), SortedSet<string>> edges)
    {
        var found = new List<string>();
        foreach (var ((from, to), names) in edges.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
        {
            if (from == Root || Foundation.Contains(to))
            {
                continue;
            }

            var kind = Foundation.Contains(from) ? "foundation uses a capability" : to == Root ? "capability uses the engine root" : "capability uses another capability";
            found.Add($"{from} -> {to} ({kind}): {string.Join("; ", names.Take(3))}");
        }

        return found;
    }

    /// <summary>Folder cycles, with Kernel, Graph and Journal taken as the one layer they are, each as its members in order.</summary>
    public static List<string> Cycles(Dictionary<(string From, string To), SortedSet<string>> edges)
    {
        string Node(string folder) => Foundation.Contains(folder) ? "Foundation" : folder;
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (from, to) in edges.Keys)
        {
            if (from == Root || to == Root || Node(from) == Node(to))
            {
                continue;
            }

            if (!graph.TryGetValue(Node(from), out var next))
            {
                graph[Node(from)] = next = new HashSet<string>(StringComparer.Ordinal);
            }

            next.Add(Node(to));
        }

        bool Reaches(string start, string goal)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { start };
            var queue = new Queue<string>(new[] { start });
            while (queue.Count > 0)
            {
                foreach (var next in graph.TryGetValue(queue.Dequeue(), out var targets) ? targets : new HashSet<string>())
                {
                    if (next == goal)
                    {
                        return true;
                    }

                    if (seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            return false;
        }

        // Nodes that reach each other form a cycle; each is reported once, named from its first member.
        return graph.Keys
            .Select(node => graph.Keys.Where(other => other == node || (Reaches(node, other) && Reaches(other, node))).OrderBy(k => k, StringComparer.Ordinal).ToList())
            .Where(members => members.Count > 1)
            .Select(members => string.Join(" <-> ", members))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();
    }

    private static string? FolderOf(MetadataReader reader, TypeDefinitionHandle handle, string rootNamespace)
    {
        var ns = reader.GetString(reader.GetTypeDefinition(Outermost(reader, handle)).Namespace);
        if (ns == rootNamespace)
        {
            return Root;
        }

        return ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? ns.Substring(rootNamespace.Length + 1).Split('.')[0] : null;
    }

    private static TypeDefinitionHandle Outermost(MetadataReader reader, TypeDefinitionHandle handle)
    {
        while (true)
        {
            var declaring = reader.GetTypeDefinition(handle).GetDeclaringType();
            if (declaring.IsNil)
            {
                return handle;
            }

            handle = declaring;
        }
    }

    private static string OutermostName(MetadataReader reader, TypeDefinitionHandle handle) =>
        reader.GetString(reader.GetTypeDefinition(Outermost(reader, handle)).Name);

    private static HashSet<TypeDefinitionHandle> Referenced(MetadataReader reader, PEReader pe, TypeDefinitionHandle handle)
    {
        var found = new HashSet<TypeDefinitionHandle>();
        var provider = new TypeCollector(found);
        var type = reader.GetTypeDefinition(handle);
        AddType(reader, type.BaseType, provider);
        foreach (var i in type.GetInterfaceImplementations())
        {
            AddType(reader, reader.GetInterfaceImplementation(i).Interface, provider);
        }

        foreach (var f in type.GetFields())
        {
            reader.GetFieldDefinition(f).DecodeSignature(provider, null);
        }

        foreach (var m in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(m);
            method.DecodeSignature(provider, null);
            if (method.RelativeVirtualAddress != 0)
            {
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
                }

                foreach (var token in Tokens(body.GetILBytes()!))
                {
                    AddToken(reader, token, provider);
                }
            }
        }

        return found;
    }

    /// <summary>The metadata tokens among a method body's IL operands.</summary>
    internal static IEnumerable<int> Tokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var operand = Operands[value];
            switch (operand)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    i += 8;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static void AddToken(MetadataReader reader, int token, TypeCollector provider)
    {
        var handle = MetadataTokens.EntityHandle(token);
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
            case HandleKind.TypeReference:
            case HandleKind.TypeSpecification:
                AddType(reader, handle, provider);
                break;
            case HandleKind.MethodDefinition:
                provider.Found.Add(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.FieldDefinition:
                provider.Found.Add(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                break;
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                AddType(reader, member.Parent, provider);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    member.DecodeMethodSignature(provider, null);
                }
                else
                {
                    member.DecodeFieldSignature(provider, null);
                }

                break;
            case HandleKind.MethodSpecification:
                var spec = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddToken(reader, MetadataTokens.GetToken(spec.Method), provider);
                spec.DecodeSignature(provider, null);
                break;
        }
    }

    private static void AddType(MetadataReader reader, EntityHandle handle, TypeCollector provider)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                provider.Found.Add((TypeDefinitionHandle)handle);
                break;
            case HandleKind.TypeSpecification:
                reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
                break;
        }
    }

    /// <summary>Decodes signatures only for the types of this assembly they name; everything else is a placeholder.</summary>
    private sealed class TypeCollector : ISignatureTypeProvider<int, object?>
    {
        public TypeCollector(HashSet<TypeDefinitionHandle> found) => Found = found;

        public HashSet<TypeDefinitionHandle> Found { get; }

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;
        public int GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public int GetSZArrayType(int elementType) => 0;
        public int GetArrayType(int elementType, ArrayShape shape) => 0;
        public int GetByReferenceType(int elementType) => 0;
        public int GetPointerType(int elementType) => 0;
        public int GetPinnedType(int elementType) => 0;
        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;
        public int GetGenericMethodParameter(object? context, int index) => 0;
        public int GetGenericTypeParameter(object? context, int index) => 0;
        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;
        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;
        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;
    }
}
