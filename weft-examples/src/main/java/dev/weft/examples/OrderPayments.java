package dev.weft.examples;

import dev.weft.Dataflow;
import dev.weft.JoinMode;
import dev.weft.KeyedStream;
import dev.weft.io.DynamicSink;
import dev.weft.io.file.CsvSource;
import dev.weft.io.stdio.StdOutSink;
import dev.weft.runtime.RunConfig;
import dev.weft.runtime.Runner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Joins orders with their payments by order id, reading two CSV files: {@code orders.csv}
 * ({@code order_id,customer,amount}) and {@code payments.csv} ({@code order_id,method}).
 *
 * <p>Two dataflows show two join modes:
 * <ul>
 *   <li>{@link #paid} joins with {@link JoinMode#DEFAULT}: a row as soon as an order and its payment
 *       have both arrived, in whichever order, then the order id's state is dropped. It suits keys
 *       that occur once on each side, as an order id does.</li>
 *   <li>{@link #reconcile} joins with {@link JoinMode.Emit#FINAL}: at the end of input, one row per
 *       order id, {@code null} for a missing side, so unpaid orders and payments for unknown
 *       orders show up too.</li>
 * </ul>
 *
 * <pre>
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.OrderPayments::paid
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.OrderPayments::reconcile -w 3
 * bin/weft -cp weft-examples/target/classes run dev.weft.examples.OrderPayments::reconcile o.csv p.csv
 * </pre>
 *
 * <p>Without files it reads the small {@code orders.csv} and {@code payments.csv} bundled with the
 * examples.
 */
public final class OrderPayments {

    /** Keep each side's latest value, and emit every order id's row at the end of input. */
    public static final JoinMode RECONCILE = new JoinMode(JoinMode.Insert.LAST, JoinMode.Emit.FINAL);

    private OrderPayments() {
    }

    /**
     * An order, from a row of {@code orders.csv}.
     *
     * @param id the order id
     * @param customer who ordered
     * @param amount what it costs
     */
    public record Order(String id, String customer, BigDecimal amount) {

        /** The order in a CSV row with the columns {@code order_id}, {@code customer} and {@code amount}. */
        public static Order fromRow(Map<String, String> row) {
            return new Order(row.get("order_id"), row.get("customer"), new BigDecimal(row.get("amount")));
        }
    }

    /**
     * A payment, from a row of {@code payments.csv}.
     *
     * @param orderId the id of the order it pays
     * @param method how it was paid
     */
    public record Payment(String orderId, String method) {

        /** The payment in a CSV row with the columns {@code order_id} and {@code method}. */
        public static Payment fromRow(Map<String, String> row) {
            return new Payment(row.get("order_id"), row.get("method"));
        }
    }

    /**
     * The dataflow {@code weft run dev.weft.examples.OrderPayments::paid [ORDERS PAYMENTS]} runs:
     * prints every paid order, joined with {@link JoinMode#DEFAULT}.
     *
     * @param args nothing, or the paths of the orders and the payments CSV files
     * @return the dataflow
     */
    public static Dataflow paid(String... args) {
        return fromArgs(JoinMode.DEFAULT, args);
    }

    /**
     * The dataflow {@code weft run dev.weft.examples.OrderPayments::reconcile [ORDERS PAYMENTS]}
     * runs: prints every order id at the end of input, paid or not, joined with {@link #RECONCILE}.
     *
     * @param args nothing, or the paths of the orders and the payments CSV files
     * @return the dataflow
     */
    public static Dataflow reconcile(String... args) {
        return fromArgs(RECONCILE, args);
    }

    private static Dataflow fromArgs(JoinMode mode, String... args) {
        if (args.length != 0 && args.length != 2) {
            throw new IllegalArgumentException("expected no arguments, or the orders and the payments CSV files; got "
                    + List.of(args));
        }
        Path orders = args.length == 2 ? Path.of(args[0]) : BundledFiles.path("orders.csv");
        Path payments = args.length == 2 ? Path.of(args[1]) : BundledFiles.path("payments.csv");
        return build(orders, payments, mode, new StdOutSink<>());
    }

    /**
     * Joins the orders of {@code orders} with the payments of {@code payments} by order id, in
     * {@code mode}, and describes each row in a line of {@code out}.
     *
     * @param orders a CSV file with the columns {@code order_id}, {@code customer}, {@code amount}
     * @param payments a CSV file with the columns {@code order_id}, {@code method}
     * @param mode the join mode
     * @param out where the lines go, as {@link #describe} writes them
     * @return the dataflow
     */
    public static Dataflow build(Path orders, Path payments, JoinMode mode, DynamicSink<? super String> out) {
        Dataflow flow = new Dataflow("order_payments");
        KeyedStream<String, Order> ordersById = flow.input("orders", new CsvSource(orders))
                .map("parse_order", Order::fromRow)
                .keyOn("key_order", Order::id);
        KeyedStream<String, Payment> paymentsById = flow.input("payments", new CsvSource(payments))
                .map("parse_payment", Payment::fromRow)
                .keyOn("key_payment", Payment::orderId);
        ordersById.join("join", mode, paymentsById)
                .asStream()
                .map("describe", row -> describe(row.key(), (Order) row.value().get(0), (Payment) row.value().get(1)))
                .output("out", out);
        return flow;
    }

    /**
     * One row of the join as a line: {@code order 1001: alice 25.00 paid by card}, {@code order
     * 1003: carol 120.00 NOT PAID} or {@code order 1009: no such order, paid by card}.
     *
     * @param orderId the row's key
     * @param order the order, or {@code null} if there is none
     * @param payment the payment, or {@code null} if there is none
     * @return the line
     */
    public static String describe(String orderId, Order order, Payment payment) {
        String what = order == null ? "no such order," : order.customer() + " " + order.amount();
        String paid = payment == null ? "NOT PAID" : "paid by " + payment.method();
        return "order " + orderId + ": " + what + " " + paid;
    }

    /**
     * Prints every order id, paid or not ({@link #reconcile}), computed on three workers.
     *
     * @param args nothing, or the paths of the orders and the payments CSV files
     */
    public static void main(String... args) {
        Runner.run(reconcile(args), RunConfig.defaults(3));
    }
}
