package org.opennps.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated shop: customers with their business profile, city, plan and preferred shipment,
 * and their orders over the past months. Deterministic for a given seed and time.
 */
final class DemoShop {

    static final List<String> CITIES =
            List.of("Warsaw", "Warsaw", "Krakow", "Krakow", "Gdansk", "Wroclaw", "Poznan", "Berlin", "Prague");
    static final List<String> SHIPMENTS = List.of("parcel_locker", "courier", "pickup_point");
    private static final List<String> FIRST = List.of(
            "Anna",
            "Piotr",
            "Katarzyna",
            "Tomasz",
            "Magdalena",
            "Jan",
            "Agnieszka",
            "Michal",
            "Ewa",
            "Lukas",
            "Sophie",
            "Jonas",
            "Petra",
            "Jakub",
            "Tereza",
            "Marta",
            "Pawel",
            "Zofia",
            "Felix",
            "Hana");
    private static final List<String> LAST = List.of(
            "Nowak",
            "Kowalski",
            "Wisniewska",
            "Wojcik",
            "Kaminski",
            "Lewandowska",
            "Zielinski",
            "Schmidt",
            "Muller",
            "Novak",
            "Svoboda",
            "Dvorak",
            "Szymanska",
            "Krawczyk",
            "Weber",
            "Mazur");
    private static final List<String> COMPANIES =
            List.of("Studio", "Bistro", "Print", "Garage", "Clinic", "Office", "Bakery", "Florist");

    record Person(
            String externalId, String name, String email, String profile, String city, String plan, String shipment) {

        Map<String, Object> attributes() {
            return Map.of("business_profile", profile, "city", city, "plan", plan, "shipment", shipment);
        }
    }

    record Order(Person person, String id, Instant placedAt, Instant pickedUpAt, int value, String shipment) {}

    private final Random random;
    private final Instant now;
    private final Duration span;

    DemoShop(long seed, Instant now, Duration span) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.span = span;
    }

    Random random() {
        return random;
    }

    List<Person> people(int count) {
        List<Person> people = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            boolean b2b = random.nextInt(100) < 22;
            String first = pick(FIRST);
            String last = pick(LAST);
            String name = b2b ? last + " " + pick(COMPANIES) : first + " " + last;
            String plan = b2b
                    ? (random.nextInt(3) == 0 ? "business_plus" : "business")
                    : (random.nextInt(4) == 0 ? "prime" : "standard");
            String shipment = shipment(b2b);
            String email = (first + "." + last + "." + i + "@example.com").toLowerCase(java.util.Locale.ROOT);
            people.add(new Person(
                    "demo-" + String.format("%04d", i),
                    name,
                    email,
                    b2b ? "b2b" : "b2c",
                    pick(CITIES),
                    plan,
                    shipment));
        }
        return people;
    }

    /** Each person orders one to six times, spread over the span; b2b customers order more. */
    List<Order> orders(List<Person> people) {
        List<Order> orders = new ArrayList<>();
        long spanSeconds = span.toSeconds();
        int n = 1;
        for (Person p : people) {
            int count = 1 + random.nextInt(p.profile().equals("b2b") ? 8 : 6);
            for (int i = 0; i < count; i++) {
                // Leave room for the pick-up and the answer before "now".
                Instant placed =
                        now.minusSeconds(6 * 86_400L + (long) (random.nextDouble() * (spanSeconds - 7 * 86_400L)));
                String shipment = random.nextInt(10) < 8 ? p.shipment() : pick(SHIPMENTS);
                long hours = shipment.equals("courier") ? 24 + random.nextInt(72) : 12 + random.nextInt(48);
                int value = p.profile().equals("b2b") ? 150 + random.nextInt(1800) : 25 + random.nextInt(400);
                orders.add(new Order(
                        p,
                        "ord-" + String.format("%05d", n++),
                        placed,
                        placed.plusSeconds(hours * 3600),
                        value,
                        shipment));
            }
        }
        orders.sort(java.util.Comparator.comparing(Order::placedAt));
        return orders;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String shipment(boolean b2b) {
        int r = random.nextInt(100);
        if (b2b) {
            return r < 70 ? "courier" : r < 85 ? "parcel_locker" : "pickup_point";
        }
        return r < 55 ? "parcel_locker" : r < 80 ? "courier" : "pickup_point";
    }
}
