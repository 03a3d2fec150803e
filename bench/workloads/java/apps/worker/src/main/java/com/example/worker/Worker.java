package com.example.worker;

/** A sibling service. */
public class Worker {
  public static void main(String[] args) throws InterruptedException {
    while (true) {
      System.out.println("worker tick");
      Thread.sleep(60_000);
    }
  }
}
