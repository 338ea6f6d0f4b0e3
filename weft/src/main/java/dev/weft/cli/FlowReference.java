package dev.weft.cli;

import dev.weft.Dataflow;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code <flow>} argument of {@code weft run} and {@code weft visualize}: a class name, or
 * {@code Class::method}, and how to get a {@link Dataflow} from it.
 *
 * <ul>
 *   <li>{@code com.acme.WordCount}: a class implementing {@link DataflowFactory} (the extra
 *       arguments go to {@code build}) or {@code Supplier<Dataflow>} (no arguments), made with
 *       its no-argument constructor;
 *   <li>{@code com.acme.Flows::wordCount}: a public static method returning a dataflow, taking
 *       {@code String...}, a {@code List<String>}, or nothing.
 * </ul>
 *
 * <p>Every way this can go wrong ends in a {@link FlowException} whose message says what was
 * expected.
 */
final class FlowReference {

    /** What a reference must name; ends every message about a reference that names nothing usable. */
    static final String EXPECTED = "expected a class implementing dev.weft.cli.DataflowFactory (or "
            + "java.util.function.Supplier<Dataflow>) with a public no-argument constructor, or Class::method "
            + "naming a public static method that returns a dev.weft.Dataflow";

    private static final Pattern IDENTIFIER = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
    private static final Pattern CLASS_NAME = Pattern.compile(
            IDENTIFIER.pattern() + "(?:[.$]" + IDENTIFIER.pattern() + ")*");

    private final String text;
    private final String className;
    private final String methodName;

    private FlowReference(String text, String className, String methodName) {
        this.text = text;
        this.className = className;
        this.methodName = methodName;
    }

    /**
     * Parses {@code Class} or {@code Class::method}.
     *
     * @throws FlowException if the text is neither
     */
    static FlowReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw FlowException.badReference("the flow is empty; " + EXPECTED);
        }
        String className = text;
        String methodName = null;
        int colons = text.indexOf("::");
        if (colons >= 0) {
            className = text.substring(0, colons);
            methodName = text.substring(colons + 2);
            if (!IDENTIFIER.matcher(methodName).matches()) {
                throw FlowException.badReference("'" + text + "' does not name a method after '::'; " + EXPECTED);
            }
        }
        if (!CLASS_NAME.matcher(className).matches()) {
            throw FlowException.badReference(notAClassName(text, className));
        }
        return new FlowReference(text, className, methodName);
    }

    private static String notAClassName(String text, String className) {
        if (className.contains("/") || className.contains("\\") || className.endsWith(".java")
                || className.endsWith(".jar")) {
            return "'" + text + "' looks like a file, not a class: the flow is a class on the class path, such as "
                    + "com.acme.WordCount or com.acme.Flows::wordCount (with bin/weft, put your jar on the class "
                    + "path with WEFT_CLASSPATH=/path/to/app.jar)";
        }
        if (className.contains(":")) {
            return "'" + text + "' is not a class name; to name a method, write Class::method, as in "
                    + className.replaceFirst(":", "::");
        }
        return "'" + text + "' is not a Java class name; " + EXPECTED;
    }

    /** The reference as written. */
    String text() {
        return text;
    }

    /**
     * Loads the class, calls the factory or method with {@code args} and returns its dataflow.
     *
     * @param args the command line's arguments after the reference
     * @param loader where to look for the class
     * @throws FlowException naming what was wrong and what was expected
     */
    Dataflow build(List<String> args, ClassLoader loader) {
        List<String> arguments = List.copyOf(args);
        Class<?> type = load(loader);
        return methodName == null ? fromClass(type, arguments) : fromMethod(type, arguments);
    }

    // ---------------------------------------------------------------- the class

    private Class<?> load(ClassLoader loader) {
        String name = className;
        while (true) {
            try {
                return Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                // com.acme.Outer.Inner is spelled com.acme.Outer$Inner in a binary name.
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    throw FlowException.badReference("class " + className + " was not found on the class path; add "
                            + "the jar or directory that holds it (with bin/weft: WEFT_CLASSPATH=/path/to/app.jar, "
                            + "or bin/weft -cp /path/to/app.jar run ...)");
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            } catch (ExceptionInInitializerError e) {
                throw FlowException.failed("class " + className + " failed in its static initializer: "
                        + e.getCause(), e.getCause());
            } catch (LinkageError e) {
                throw FlowException.failed("class " + className + " could not be loaded: " + e, e);
            }
        }
    }

    private Dataflow fromClass(Class<?> type, List<String> args) {
        String name = type.getName();
        if (DataflowFactory.class.isAssignableFrom(type)) {
            DataflowFactory factory = (DataflowFactory) instantiate(type);
            Object flow = call(() -> factory.build(args), name + ".build(" + args + ")");
            return requireDataflow(flow, name + ".build(" + args + ")");
        }
        if (Supplier.class.isAssignableFrom(type)) {
            if (!args.isEmpty()) {
                throw FlowException.badReference("class " + name + " implements java.util.function.Supplier, which "
                        + "takes no arguments, but " + describe(args) + "; implement dev.weft.cli.DataflowFactory "
                        + "to receive them");
            }
            Supplier<?> supplier = (Supplier<?>) instantiate(type);
            Object flow = call(supplier::get, name + ".get()");
            return requireDataflow(flow, name + ".get()");
        }
        throw FlowException.badReference("class " + name + " does not implement dev.weft.cli.DataflowFactory and `"
                + type.getSimpleName() + "::method` was not given; " + EXPECTED + suggestions(type));
    }

    private static Object instantiate(Class<?> type) {
        String name = type.getName();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw FlowException.badReference("class " + name + " is abstract; name a concrete class, or a static "
                    + "method with " + name + "::method");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw FlowException.badReference("class " + name + " is an inner class, which needs an instance of its "
                    + "outer class; declare it static");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw FlowException.badReference("class " + name + " has no no-argument constructor; add `public "
                    + type.getSimpleName() + "()`, or name a static method with " + name + "::method");
        }
        if (!constructor.trySetAccessible()) {
            throw FlowException.badReference("the no-argument constructor of " + name + " is not accessible; make "
                    + "the class and the constructor public");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw FlowException.failed("the constructor of " + name + " threw: " + e.getCause(), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw FlowException.badReference("could not create an instance of " + name + ": " + e);
        }
    }

    // ---------------------------------------------------------------- the method

    /** How a method receives the extra arguments. */
    private enum Shape {
        NONE, LIST, ARRAY, UNUSABLE;

        static Shape of(Method method) {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 0) {
                return NONE;
            }
            if (parameters.length == 1 && parameters[0] == String[].class) {
                return ARRAY;
            }
            if (parameters.length == 1 && (parameters[0] == List.class || parameters[0] == Collection.class
                    || parameters[0] == Iterable.class)) {
                return LIST;
            }
            return UNUSABLE;
        }
    }

    private Dataflow fromMethod(Class<?> type, List<String> args) {
        String where = type.getName() + "::" + methodName;
        List<Method> named = methodsNamed(type, methodName);
        if (named.isEmpty()) {
            throw FlowException.badReference("class " + type.getName() + " has no method named '" + methodName + "'; "
                    + "expected " + where + " to be a public static method that returns a dev.weft.Dataflow"
                    + suggestions(type));
        }
        List<Shape> preference = args.isEmpty()
                ? List.of(Shape.NONE, Shape.ARRAY, Shape.LIST)
                : List.of(Shape.LIST, Shape.ARRAY);
        Method chosen = null;
        for (Shape shape : preference) {
            for (Method method : named) {
                if (chosen == null && Shape.of(method) == shape) {
                    chosen = method;
                }
            }
        }
        if (chosen == null) {
            boolean takesNothing = named.stream().anyMatch(m -> Shape.of(m) == Shape.NONE);
            if (takesNothing) {
                throw FlowException.badReference("method " + where + " takes no arguments, but " + describe(args)
                        + "; declare it as " + methodName + "(String... args) or " + methodName
                        + "(List<String> args) to receive them");
            }
            throw FlowException.badReference("method " + where + "(" + parameterList(named.get(0))
                    + ") has parameters weft cannot pass; declare it as public static Dataflow " + methodName
                    + "(), " + methodName + "(String... args) or " + methodName + "(List<String> args)");
        }
        if (!Modifier.isStatic(chosen.getModifiers())) {
            throw FlowException.badReference("method " + where + " is not static; declare it `public static Dataflow "
                    + methodName + "(...)`, or implement dev.weft.cli.DataflowFactory and name the class");
        }
        if (!Modifier.isPublic(chosen.getModifiers())) {
            throw FlowException.badReference("method " + where + " is not public; declare it `public static Dataflow "
                    + methodName + "(...)`");
        }
        if (!Dataflow.class.isAssignableFrom(chosen.getReturnType())) {
            throw FlowException.badReference("method " + where + " returns " + chosen.getReturnType().getTypeName()
                    + "; expected dev.weft.Dataflow");
        }
        if (!chosen.trySetAccessible()) {
            throw FlowException.badReference("method " + where + " is not accessible; make its class public");
        }
        Object[] parameters = switch (Shape.of(chosen)) {
            case NONE -> new Object[0];
            case ARRAY -> new Object[] {args.toArray(new String[0])};
            default -> new Object[] {args};
        };
        Method method = chosen;
        Object flow = call(() -> method.invoke(null, parameters), where);
        return requireDataflow(flow, where);
    }

    private static List<Method> methodsNamed(Class<?> type, String name) {
        Set<Method> methods = new LinkedHashSet<>();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                methods.add(method);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && !method.isSynthetic()) {
                methods.add(method);
            }
        }
        return new ArrayList<>(methods);
    }

    /** "; did you mean X::a or X::b?" for the methods that could build a dataflow, or nothing. */
    private static String suggestions(Class<?> type) {
        List<String> usable = Arrays.stream(type.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()))
                .filter(m -> Dataflow.class.isAssignableFrom(m.getReturnType()))
                .filter(m -> Shape.of(m) != Shape.UNUSABLE)
                .map(m -> type.getName() + "::" + m.getName())
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        return usable.isEmpty() ? "" : "; did you mean " + String.join(" or ", usable) + "?";
    }

    // ---------------------------------------------------------------- calling the user's code

    private static Object call(Callable<?> code, String what) {
        try {
            return code.call();
        } catch (InvocationTargetException e) {
            throw threw(what, e.getCause());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Exception | Error e) {
            throw threw(what, e);
        }
    }

    private static FlowException threw(String what, Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        return FlowException.failed(what + " threw while building the dataflow: " + failure, failure);
    }

    private static Dataflow requireDataflow(Object flow, String what) {
        if (flow == null) {
            throw FlowException.failed(what + " returned null; expected a dev.weft.Dataflow", null);
        }
        if (!(flow instanceof Dataflow dataflow)) {
            throw FlowException.badReference(what + " returned a " + flow.getClass().getName()
                    + "; expected a dev.weft.Dataflow");
        }
        return dataflow;
    }

    private static String describe(List<String> args) {
        return args.size() + (args.size() == 1 ? " was" : " were") + " given (" + String.join(" ", args) + ")";
    }

    private static String parameterList(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return text;
    }
}
