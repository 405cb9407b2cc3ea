using System.Collections.Concurrent;
using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LearningNetwork.ArchitectureTests;

/// <summary>
/// What compiled code uses, read from the assembly with Mono.Cecil: signatures and method bodies
/// (calls, fields, type tokens, locals, casts, catch clauses), and the string literals it loads.
/// Reflection sees only signatures; a call inside a method body is visible only in its IL.
/// </summary>
internal static class Il
{
    private static readonly ConcurrentDictionary<string, ModuleDefinition> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every type of the assembly, nested and compiler-generated ones included (lambdas, async state machines, Razor views).</summary>
    public static IReadOnlyList<TypeDefinition> TypesOf(Assembly assembly) =>
        [.. Loaded.GetOrAdd(assembly.Location, location => ModuleDefinition.ReadModule(location)).GetTypes()];

    /// <summary>The types of the given classes (and their nested types) of an already loaded assembly.</summary>
    public static IReadOnlyList<TypeDefinition> TypesOf(params Type[] types)
    {
        var names = types.Select(t => t.FullName!.Replace('+', '/')).ToHashSet(StringComparer.Ordinal);
        return [.. TypesOf(types[0].Assembly).Where(t => names.Any(n => t.FullName == n || t.FullName.StartsWith(n + "/", StringComparison.Ordinal)))];
    }

    /// <summary>Each type a type uses, with where: "Type.Method" for a method's signature or body, "Type" for the rest.</summary>
    public static IEnumerable<(string Where, TypeReference Used)> UsedTypes(TypeDefinition type)
    {
        var owner = Readable(type);
        if (type.BaseType is not null)
        {
            yield return (owner, type.BaseType);
        }

        foreach (var used in type.Interfaces.Select(i => i.InterfaceType)
                     .Concat(type.Fields.Select(f => f.FieldType))
                     .Concat(type.Properties.Select(p => p.PropertyType))
                     .Concat(type.CustomAttributes.Select(a => a.AttributeType)))
        {
            yield return (owner, used);
        }

        foreach (var method in type.Methods)
        {
            var where = $"{owner}.{method.Name}";
            foreach (var used in method.Parameters.Select(p => p.ParameterType).Append(method.ReturnType)
                         .Concat(method.CustomAttributes.Select(a => a.AttributeType)))
            {
                yield return (where, used);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var used in method.Body.Variables.Select(v => v.VariableType)
                         .Concat(method.Body.ExceptionHandlers.Where(h => h.CatchType is not null).Select(h => h.CatchType)))
            {
                yield return (where, used);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var used in OperandTypes(instruction.Operand))
                {
                    yield return (where, used);
                }
            }
        }
    }

    /// <summary>Each string literal a type's methods load (ldstr), and each string constant it declares.</summary>
    public static IEnumerable<(string Where, string Literal)> StringLiterals(TypeDefinition type)
    {
        foreach (var field in type.Fields.Where(f => f.HasConstant && f.Constant is string))
        {
            yield return ($"{Readable(type)}.{field.Name}", (string)field.Constant);
        }

        foreach (var method in type.Methods.Where(m => m.HasBody))
        {
            foreach (var instruction in method.Body.Instructions.Where(i => i.OpCode == OpCodes.Ldstr))
            {
                yield return ($"{Readable(type)}.{method.Name}", (string)instruction.Operand);
            }
        }
    }

    /// <summary>Each method a type's method bodies call, with the calling method.</summary>
    public static IEnumerable<(string Where, MethodReference Called)> Calls(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions
                .Where(i => i.OpCode.FlowControl == FlowControl.Call || i.OpCode == OpCodes.Ldftn || i.OpCode == OpCodes.Ldvirtftn)
                .Select(i => i.Operand).OfType<MethodReference>()
                .Select(called => ($"{Readable(type)}.{m.Name}", called)));

    /// <summary>Fails listing every finding, one a line (Assert.Empty cuts a long list short).</summary>
    public static void AssertNone(IReadOnlyCollection<string> findings) =>
        Assert.True(findings.Count == 0, $"{findings.Count} found:{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");

    /// <summary>The namespace a type reference belongs to: a nested type's is its outermost declaring type's.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    /// <summary>A type with the types it is made of: array element, generic arguments, by-ref target.</summary>
    public static IEnumerable<TypeReference> Unwrap(TypeReference type) => type switch
    {
        GenericInstanceType generic => generic.GenericArguments.SelectMany(Unwrap).Append(generic.ElementType),
        TypeSpecification specification => Unwrap(specification.ElementType),
        GenericParameter => [],
        _ => [type],
    };

    private static IEnumerable<TypeReference> OperandTypes(object? operand) => operand switch
    {
        GenericInstanceMethod generic => generic.GenericArguments.Concat(OperandTypes(generic.ElementMethod)),
        MethodReference method => method.Parameters.Select(p => p.ParameterType).Append(method.ReturnType).Append(method.DeclaringType),
        FieldReference field => [field.DeclaringType, field.FieldType],
        TypeReference type => [type],
        _ => [],
    };

    private static string Readable(TypeDefinition type) => type.FullName.Replace('/', '+');
}
